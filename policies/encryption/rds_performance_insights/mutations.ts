/** Mutation rows: defects ecolaura.encryption.rds_performance_insights must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'Performance Insights without a KMS key (prod)',
    policy: { id: 'ECO-ENC-002', package: 'ecolaura.encryption.rds_performance_insights' },
    apply: (tree) => {
      const db = tree.terraformResource('prod', 'aws_db_instance');
      delete db.body.performance_insights_kms_key_id;
      db.save();
      return db;
    },
  },
];
