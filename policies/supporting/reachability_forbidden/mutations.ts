/** Mutation rows: defects ecolaura.supporting.reachability_forbidden must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'the RDS security group admitting the whole VPC instead of the nodes (prod)',
    policy: { id: 'ECO-SUP-051', package: 'ecolaura.supporting.reachability_forbidden' },
    apply: (tree) => {
      const rule = tree.terraformResource(
        'prod',
        'aws_vpc_security_group_ingress_rule',
        (body) => body.to_port === 5432,
      );
      const vpc = Object.values((rule.config.resource as Record<string, Record<string, Json>>).aws_vpc ?? {})[0];
      if (!vpc) throw new Error('the prod stack has no aws_vpc whose CIDR the database rule could admit');
      delete rule.body.referenced_security_group_id;
      rule.body.cidr_ipv4 = vpc.cidr_block;
      rule.save();
      return rule;
    },
  },
];
