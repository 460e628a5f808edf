/** Mutation rows: defects ecolaura.encryption.data_services_at_rest must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'an unencrypted EFS file system (prod)',
    policy: { id: 'ECO-ENC-016', package: 'ecolaura.encryption.data_services_at_rest' },
    apply: (tree) =>
      tree.addTerraformResource('prod', 'aws_efs_file_system', 'shared', { performance_mode: 'generalPurpose' }),
  },
];
