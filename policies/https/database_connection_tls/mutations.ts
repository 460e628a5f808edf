/** Mutation rows: defects ecolaura.https.database_connection_tls must catch in the synthesized output. */

import { backendContainer, type Json, type Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'the backend database connection downgraded to PGSSLMODE=disable (prod)',
    policy: { id: 'ECO-TLS-009', package: 'ecolaura.https.database_connection_tls' },
    apply: (tree) => {
      const config = tree.kubernetesObject('prod', 'ConfigMap', (o) => (o.metadata as Json).name === 'backend-config');
      config.document.setIn(['data', 'PGSSLMODE'], 'disable');
      config.save();
      return config;
    },
  },
  {
    defect: 'the backend database connection back to PGSSLMODE=require, encrypted but not verifying the server (prod)',
    policy: { id: 'ECO-TLS-009', package: 'ecolaura.https.database_connection_tls' },
    apply: (tree) => {
      const config = tree.kubernetesObject('prod', 'ConfigMap', (o) => (o.metadata as Json).name === 'backend-config');
      config.document.setIn(['data', 'PGSSLMODE'], 'require');
      config.save();
      return config;
    },
  },
  {
    defect: 'PGSSLMODE repeated in a container, the last one disable (prod backend)',
    policy: { id: 'ECO-TLS-009', package: 'ecolaura.https.database_connection_tls' },
    apply: (tree) =>
      backendContainer(tree, 'prod', (handle, container) => {
        const env = (handle.document.getIn([...container, 'env']) as { toJSON(): Json[] } | undefined)?.toJSON() ?? [];
        handle.document.setIn(
          [...container, 'env'],
          [
            ...env,
            { name: 'PGHOST', value: 'db.internal' },
            { name: 'PGSSLMODE', value: 'verify-full' },
            { name: 'PGSSLMODE', value: 'disable' },
          ],
        );
      }),
  },
];
