/** Mutation rows: defects ecolaura.supporting.argocd_crd_order must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'Elasticsearch synced in the same wave as the ECK operator that installs its CRD (prod)',
    policy: { id: 'ECO-SUP-041', package: 'ecolaura.supporting.argocd_crd_order' },
    apply: (tree) => {
      const logging = tree.kubernetesObject('prod', 'Application', (o) => (o.metadata as Json).name === 'logging');
      logging.document.setIn(['metadata', 'annotations', 'argocd.argoproj.io/sync-wave'], '-2');
      logging.save();
      return logging;
    },
  },
];
