/** Mutation rows: defects ecolaura.supporting.default_security_group must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'the default security group given an allow-all egress rule (prod)',
    policy: { id: 'ECO-SUP-011', package: 'ecolaura.supporting.default_security_group' },
    apply: (tree) => {
      const group = tree.terraformResource('prod', 'aws_default_security_group');
      group.body.egress = [{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['10.0.0.0/16'] }];
      group.save();
      return group;
    },
  },
];
