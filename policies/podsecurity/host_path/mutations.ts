/** Mutation rows: defects ecolaura.podsecurity.host_path must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a hostPath volume on the frontend pods (prod)',
    policy: { id: 'ECO-PSS-003', package: 'ecolaura.podsecurity.host_path' },
    apply: (tree) => {
      const deployment = tree.kubernetesObject('prod', 'Deployment', (o) => (o.metadata as Json).name === 'frontend');
      const volumes = deployment.document.getIn(['spec', 'template', 'spec', 'volumes']) as
        | { toJSON(): Json[] }
        | undefined;
      deployment.document.setIn(
        ['spec', 'template', 'spec', 'volumes'],
        [...(volumes?.toJSON() ?? []), { name: 'node-logs', hostPath: { path: '/var/log' } }],
      );
      deployment.save();
      return deployment;
    },
  },
];
