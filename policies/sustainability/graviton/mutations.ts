/** Mutation rows: defects ecolaura.sustainability.graviton must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'x86 instance types on the EKS node group (staging)',
    policy: { id: 'ECO-GRN-001', package: 'ecolaura.sustainability.graviton' },
    apply: (tree) => {
      const nodes = tree.terraformResource('staging', 'aws_eks_node_group');
      nodes.body.instance_types = ['m5.large'];
      nodes.save();
      return nodes;
    },
  },
];
