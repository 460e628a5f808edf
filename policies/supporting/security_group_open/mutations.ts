/** Mutation rows: defects ecolaura.supporting.security_group_open must catch in the synthesized output. */

import { type Mutation, NODES_GROUP, OPEN_SSH, sshHalf } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a security group rule admitting SSH from 0.0.0.0/0 (prod)',
    policy: { id: 'ECO-SUP-002', package: 'ecolaura.supporting.security_group_open' },
    apply: (tree) => {
      tree.addTerraformResource('prod', 'aws_vpc_security_group_ingress_rule', 'ssh_from_anywhere', OPEN_SSH);
      // Coverage is judged on the group the rules open, so the violation names the group.
      return { file: tree.stackFile('prod'), resource: 'aws_security_group.eks_nodes_security_group' };
    },
  },
  {
    defect: 'SSH opened to the internet in two halves, 0.0.0.0/1 and 128.0.0.0/1 (prod)',
    policy: { id: 'ECO-SUP-002', package: 'ecolaura.supporting.security_group_open' },
    apply: (tree) => {
      tree.addTerraformResource('prod', 'aws_vpc_security_group_ingress_rule', 'ssh_low_half', sshHalf('0.0.0.0/1'));
      tree.addTerraformResource('prod', 'aws_vpc_security_group_ingress_rule', 'ssh_high_half', sshHalf('128.0.0.0/1'));
      return { file: tree.stackFile('prod'), resource: 'aws_security_group.eks_nodes_security_group' };
    },
  },
  {
    defect: 'an all-protocol rule from ::/0 spelled 0::0/0 (staging)',
    policy: { id: 'ECO-SUP-002', package: 'ecolaura.supporting.security_group_open' },
    apply: (tree) => {
      tree.addTerraformResource('staging', 'aws_vpc_security_group_ingress_rule', 'everything_v6', {
        ip_protocol: '-1',
        cidr_ipv6: '0::0/0',
        security_group_id: NODES_GROUP,
      });
      return { file: tree.stackFile('staging'), resource: 'aws_security_group.eks_nodes_security_group' };
    },
  },
];
