/** Mutation rows: defects ecolaura.supporting.network_acl_internet_ingress must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'the private ACL reply rule widened to every protocol from the internet (staging)',
    policy: { id: 'ECO-SUP-021', package: 'ecolaura.supporting.network_acl_internet_ingress' },
    apply: (tree) => {
      const rule = tree.terraformResource(
        'staging',
        'aws_network_acl_rule',
        (body) => body.cidr_block === '0.0.0.0/0' && body.egress === false,
      );
      rule.body.protocol = '-1';
      rule.body.from_port = 0;
      rule.body.to_port = 0;
      rule.save();
      return rule;
    },
  },
  {
    defect: 'a public ACL reply range from the internet that covers RDP 3389 (prod)',
    policy: { id: 'ECO-SUP-021', package: 'ecolaura.supporting.network_acl_internet_ingress' },
    apply: (tree) => {
      const rule = tree.terraformResource(
        'prod',
        'aws_network_acl_rule',
        (body) => body.cidr_block === '0.0.0.0/0' && body.egress === false && body.from_port === 1024,
      );
      rule.body.to_port = 65535;
      rule.save();
      return rule;
    },
  },
];
