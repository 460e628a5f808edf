/** Mutation rows: defects ecolaura.supporting.eks_supported_version must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'prod EKS cluster back on Kubernetes 1.28, whose extended support ended',
    policy: { id: 'ECO-SUP-020', package: 'ecolaura.supporting.eks_supported_version' },
    apply: (tree) => {
      const cluster = tree.terraformResource('prod', 'aws_eks_cluster');
      cluster.body.version = '1.28';
      cluster.save();
      return cluster;
    },
  },
];
