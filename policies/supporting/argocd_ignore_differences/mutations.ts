/** Mutation rows: defects ecolaura.supporting.argocd_ignore_differences must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'an ignoreDifferences pointer the Deployment does not have (/spec/replica, prod)',
    policy: { id: 'ECO-SUP-043', package: 'ecolaura.supporting.argocd_ignore_differences' },
    apply: (tree) => {
      const backend = tree.kubernetesObject('prod', 'Application', (o) => (o.metadata as Json).name === 'backend');
      backend.document.setIn(['spec', 'ignoreDifferences', 0, 'jsonPointers'], ['/spec/replica']);
      backend.save();
      return backend;
    },
  },
];
