/** Mutation rows: defects ecolaura.supporting.rds_iam_auth must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'RDS IAM database authentication turned off (staging)',
    policy: { id: 'ECO-SUP-008', package: 'ecolaura.supporting.rds_iam_auth' },
    apply: (tree) => {
      const db = tree.terraformResource('staging', 'aws_db_instance');
      db.body.iam_database_authentication_enabled = false;
      db.save();
      return { ...db, path: ['iam_database_authentication_enabled'] };
    },
  },
];
