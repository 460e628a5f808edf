/** Mutation rows: defects ecolaura.encryption.s3_public_access must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a new S3 bucket whose public access block lets public policies through (dev)',
    policy: { id: 'ECO-ENC-008', package: 'ecolaura.encryption.s3_public_access' },
    apply: (tree) => {
      tree.addTerraformResource('dev', 'aws_s3_bucket', 'exports', { bucket: 'ecolaura-dev-exports' });
      const block = tree.addTerraformResource('dev', 'aws_s3_bucket_public_access_block', 'exports', {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
        bucket: '${aws_s3_bucket.exports.id}',
        block_public_acls: true,
        block_public_policy: false,
        ignore_public_acls: true,
        restrict_public_buckets: false,
      });
      return { ...block, path: ['block_public_policy'] };
    },
  },
];
