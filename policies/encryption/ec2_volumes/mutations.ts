/** Mutation rows: defects ecolaura.encryption.ec2_volumes must catch in the synthesized output. */

import { blocks, type Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'unencrypted node root volumes in the launch template (staging)',
    policy: { id: 'ECO-ENC-010', package: 'ecolaura.encryption.ec2_volumes' },
    apply: (tree) => {
      const template = tree.terraformResource('staging', 'aws_launch_template');
      for (const mapping of blocks(template.body.block_device_mappings)) {
        for (const ebs of blocks(mapping.ebs)) ebs.encrypted = 'false';
      }
      template.save();
      return template;
    },
  },
  {
    defect: 'an instance without a root_block_device block (prod)',
    policy: { id: 'ECO-ENC-010', package: 'ecolaura.encryption.ec2_volumes' },
    apply: (tree) =>
      tree.addTerraformResource('prod', 'aws_instance', 'debug', {
        ami: 'ami-0123456789abcdef0',
        instance_type: 't4g.micro',
        metadata_options: { http_tokens: 'required' },
      }),
  },
];
