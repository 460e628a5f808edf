/** Mutation rows: defects ecolaura.podsecurity.privileged must catch in the synthesized output. */

import { type Mutation, securityContext } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a privileged container (prod backend)',
    policy: { id: 'ECO-PSS-001', package: 'ecolaura.podsecurity.privileged' },
    apply: securityContext('prod', ['privileged'], true),
  },
  {
    defect: 'a privileged pod carried by a ReplicationController, a kind outside the old workload list (prod)',
    policy: { id: 'ECO-PSS-001', package: 'ecolaura.podsecurity.privileged' },
    apply: (tree) =>
      tree.addManifest(
        'prod',
        'backend/ReplicationController.legacy.yaml',
        [
          'apiVersion: v1',
          'kind: ReplicationController',
          'metadata:',
          '  name: legacy',
          '  namespace: ecolaura',
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          '        - name: app',
          '          image: ghcr.io/ecolaura/backend:1.0.0',
          '          securityContext:',
          '            privileged: true',
          '',
        ].join('\n'),
        'ReplicationController/ecolaura/legacy',
      ),
  },
];
