/** Mutation rows: defects ecolaura.encryption.backup_vault_kms must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a backup vault without a KMS key (staging)',
    policy: { id: 'ECO-ENC-006', package: 'ecolaura.encryption.backup_vault_kms' },
    apply: (tree) => {
      const vault = tree.terraformResource('staging', 'aws_backup_vault');
      delete vault.body.kms_key_arn;
      vault.save();
      return vault;
    },
  },
];
