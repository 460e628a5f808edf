/** Mutation rows: defects ecolaura.supporting.container_resources must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a container without resource limits (staging backend)',
    policy: { id: 'ECO-SUP-006', package: 'ecolaura.supporting.container_resources' },
    apply: (tree) => {
      const deployment = tree.kubernetesObject('staging', 'Deployment', (o) => (o.metadata as Json).name === 'backend');
      deployment.document.deleteIn(['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits']);
      deployment.save();
      return deployment;
    },
  },
];
