/** Mutation rows: defects ecolaura.encryption.database_password must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a literal master password on the RDS instance (dev)',
    policy: { id: 'ECO-ENC-014', package: 'ecolaura.encryption.database_password' },
    apply: (tree) => {
      const db = tree.terraformResource('dev', 'aws_db_instance');
      delete db.body.manage_master_user_password;
      db.body.password = 'Sup3rSecret!';
      db.save();
      return db;
    },
  },
  {
    defect: 'a SecureString SSM parameter holding a literal password (prod)',
    policy: { id: 'ECO-ENC-014', package: 'ecolaura.encryption.database_password' },
    apply: (tree) =>
      tree.addTerraformResource('prod', 'aws_ssm_parameter', 'db_password', {
        name: '/ecolaura/prod/db-password',
        type: 'SecureString',
        value: 'hunter22',
      }),
  },
];
