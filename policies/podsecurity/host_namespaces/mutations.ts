/** Mutation rows: defects ecolaura.podsecurity.host_namespaces must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'hostNetwork on the backend pods (staging)',
    policy: { id: 'ECO-PSS-002', package: 'ecolaura.podsecurity.host_namespaces' },
    apply: (tree) => {
      const deployment = tree.kubernetesObject('staging', 'Deployment', (o) => (o.metadata as Json).name === 'backend');
      deployment.document.setIn(['spec', 'template', 'spec', 'hostNetwork'], true);
      deployment.save();
      return deployment;
    },
  },
];
