/** Mutation rows: defects ecolaura.encryption.ebs_default must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'EBS encryption by default turned off (dev)',
    policy: { id: 'ECO-ENC-009', package: 'ecolaura.encryption.ebs_default' },
    apply: (tree) => {
      const setting = tree.terraformResource('dev', 'aws_ebs_encryption_by_default');
      setting.body.enabled = false;
      setting.save();
      return { ...setting, path: ['enabled'] };
    },
  },
  {
    defect: 'EBS encryption by default moved to a provider alias in us-east-1 (prod)',
    policy: { id: 'ECO-ENC-009', package: 'ecolaura.encryption.ebs_default' },
    apply: (tree) => {
      const setting = tree.terraformResource('prod', 'aws_ebs_encryption_by_default');
      const providers = (setting.config.provider as Json).aws as Json[];
      providers.push({ alias: 'us', region: 'us-east-1' });
      setting.body.provider = 'aws.us';
      setting.save();
      return tree.terraformResource('prod', 'aws_eks_node_group');
    },
  },
];
