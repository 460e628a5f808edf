/** Mutation rows: defects ecolaura.supporting.image_pinned must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a container image tagged :latest (prod frontend)',
    policy: { id: 'ECO-SUP-005', package: 'ecolaura.supporting.image_pinned' },
    apply: (tree) => {
      const deployment = tree.kubernetesObject('prod', 'Deployment', (o) => (o.metadata as Json).name === 'frontend');
      deployment.document.setIn(
        ['spec', 'template', 'spec', 'containers', 0, 'image'],
        'ghcr.io/ecolaura/frontend:latest',
      );
      deployment.save();
      return deployment;
    },
  },
];
