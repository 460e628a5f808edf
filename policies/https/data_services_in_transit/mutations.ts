/** Mutation rows: defects ecolaura.https.data_services_in_transit must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'an ElastiCache replication group without transit encryption (staging)',
    policy: { id: 'ECO-TLS-011', package: 'ecolaura.https.data_services_in_transit' },
    apply: (tree) => ({
      ...tree.addTerraformResource('staging', 'aws_elasticache_replication_group', 'sessions', {
        description: 'sessions',
        at_rest_encryption_enabled: true,
        transit_encryption_enabled: false,
      }),
      path: ['transit_encryption_enabled'],
    }),
  },
];
