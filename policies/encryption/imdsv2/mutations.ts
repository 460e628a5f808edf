/** Mutation rows: defects ecolaura.encryption.imdsv2 must catch in the synthesized output. */

import { blocks, type Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'IMDSv2 made optional on the node launch template (prod)',
    policy: { id: 'ECO-ENC-011', package: 'ecolaura.encryption.imdsv2' },
    apply: (tree) => {
      const template = tree.terraformResource('prod', 'aws_launch_template');
      for (const options of blocks(template.body.metadata_options)) options.http_tokens = 'optional';
      template.save();
      return { ...template, path: ['metadata_options', 'http_tokens'] };
    },
  },
  {
    defect: 'a launch configuration, the launch template sibling, without IMDSv2 (staging)',
    policy: { id: 'ECO-ENC-011', package: 'ecolaura.encryption.imdsv2' },
    apply: (tree) =>
      tree.addTerraformResource('staging', 'aws_launch_configuration', 'legacy', {
        image_id: 'ami-0123456789abcdef0',
        instance_type: 'm7g.large',
        root_block_device: { encrypted: true },
      }),
  },
];
