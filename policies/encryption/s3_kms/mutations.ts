/** Mutation rows: defects ecolaura.encryption.s3_kms must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a new S3 bucket encrypted with S3-managed keys instead of KMS (staging)',
    policy: { id: 'ECO-ENC-007', package: 'ecolaura.encryption.s3_kms' },
    apply: (tree) => {
      const bucket = tree.addTerraformResource('staging', 'aws_s3_bucket', 'exports', {
        bucket: 'ecolaura-staging-exports',
      });
      tree.addTerraformResource('staging', 'aws_s3_bucket_server_side_encryption_configuration', 'exports', {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
        bucket: '${aws_s3_bucket.exports.id}',
        rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }],
      });
      return bucket;
    },
  },
];
