/** Mutation rows: defects ecolaura.encryption.kms_rotation must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'KMS key rotation turned off (prod)',
    policy: { id: 'ECO-ENC-004', package: 'ecolaura.encryption.kms_rotation' },
    apply: (tree) => {
      const key = tree.terraformResource('prod', 'aws_kms_key');
      key.body.enable_key_rotation = false;
      key.save();
      return { ...key, path: ['enable_key_rotation'] };
    },
  },
];
