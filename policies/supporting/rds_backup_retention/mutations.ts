/** Mutation rows: defects ecolaura.supporting.rds_backup_retention must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'RDS backups kept for one day (prod)',
    policy: { id: 'ECO-SUP-007', package: 'ecolaura.supporting.rds_backup_retention' },
    apply: (tree) => {
      const db = tree.terraformResource('prod', 'aws_db_instance');
      db.body.backup_retention_period = 1;
      db.save();
      return db;
    },
  },
];
