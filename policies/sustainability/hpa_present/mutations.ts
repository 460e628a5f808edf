/** Mutation rows: defects ecolaura.sustainability.hpa_present must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'the frontend HPA pointing at a Deployment that does not exist (prod)',
    policy: { id: 'ECO-GRN-003', package: 'ecolaura.sustainability.hpa_present' },
    apply: (tree) => {
      const hpa = tree.kubernetesObject(
        'prod',
        'HorizontalPodAutoscaler',
        (o) => (o.metadata as Json).name === 'frontend',
      );
      hpa.document.setIn(['spec', 'scaleTargetRef', 'name'], 'frontend-v1');
      hpa.save();
      return tree.kubernetesObject('prod', 'Deployment', (o) => (o.metadata as Json).name === 'frontend');
    },
  },
];
