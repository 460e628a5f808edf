/** Mutation rows: defects ecolaura.encryption.rds_storage must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'RDS storage encryption turned off (prod)',
    policy: { id: 'ECO-ENC-001', package: 'ecolaura.encryption.rds_storage' },
    apply: (tree) => {
      const db = tree.terraformResource('prod', 'aws_db_instance');
      db.body.storage_encrypted = false;
      db.save();
      return { ...db, path: ['storage_encrypted'] };
    },
  },
  {
    defect: 'RDS encrypted with the AWS-managed key instead of a customer-managed one (staging)',
    policy: { id: 'ECO-ENC-001', package: 'ecolaura.encryption.rds_storage' },
    apply: (tree) => {
      const db = tree.terraformResource('staging', 'aws_db_instance');
      delete db.body.kms_key_id;
      db.save();
      return db;
    },
  },
];
