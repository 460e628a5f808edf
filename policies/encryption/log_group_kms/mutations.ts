/** Mutation rows: defects ecolaura.encryption.log_group_kms must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a CloudWatch log group without a KMS key (dev)',
    policy: { id: 'ECO-ENC-005', package: 'ecolaura.encryption.log_group_kms' },
    apply: (tree) => {
      const group = tree.terraformResource('dev', 'aws_cloudwatch_log_group');
      delete group.body.kms_key_id;
      group.save();
      return group;
    },
  },
  {
    defect: 'a log group key set to a null interpolation while a tag references the key (prod)',
    policy: { id: 'ECO-ENC-005', package: 'ecolaura.encryption.log_group_kms' },
    apply: (tree) => {
      const group = tree.terraformResource('prod', 'aws_cloudwatch_log_group', (_, name) => name === 'eks_logs');
      const key = group.body.kms_key_id;
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
      group.body.kms_key_id = '${null}';
      group.body.tags = { ...(group.body.tags as Json), key };
      group.save();
      return { ...group, path: ['kms_key_id'] };
    },
  },
];
