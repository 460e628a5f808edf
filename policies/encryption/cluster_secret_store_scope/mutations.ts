/** Mutation rows: defects ecolaura.encryption.cluster_secret_store_scope must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'the ClusterSecretStore opened to every namespace: spec.conditions removed (prod)',
    policy: { id: 'ECO-ENC-015', package: 'ecolaura.encryption.cluster_secret_store_scope' },
    apply: (tree) => {
      const store = tree.kubernetesObject('prod', 'ClusterSecretStore');
      store.document.deleteIn(['spec', 'conditions']);
      store.save();
      return { ...store, path: ['spec', 'conditions'] };
    },
  },
];
