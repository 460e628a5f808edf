/** Mutation rows: defects ecolaura.podsecurity.admission must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a restricted namespace with a pod missing seccompProfile: the API server refuses it (prod)',
    policy: { id: 'ECO-PSS-009', package: 'ecolaura.podsecurity.admission' },
    apply: (tree) => {
      const deployment = tree.kubernetesObject('prod', 'Deployment', (o) => (o.metadata as Json).name === 'backend');
      const pod = ['spec', 'template', 'spec'];
      deployment.document.deleteIn([...pod, 'securityContext', 'seccompProfile']);
      deployment.document.deleteIn([...pod, 'containers', 0, 'securityContext', 'seccompProfile']);
      deployment.save();
      return deployment;
    },
  },
];
