/** Mutation rows: defects ecolaura.supporting.argocd_prod_manual_sync must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a prod Application that syncs automatically',
    policy: { id: 'ECO-SUP-044', package: 'ecolaura.supporting.argocd_prod_manual_sync' },
    apply: (tree) => {
      const backend = tree.kubernetesObject('prod', 'Application', (o) => (o.metadata as Json).name === 'backend');
      backend.document.setIn(['spec', 'syncPolicy', 'automated'], { prune: true, selfHeal: true });
      backend.save();
      return backend;
    },
  },
];
