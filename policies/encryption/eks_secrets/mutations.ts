/** Mutation rows: defects ecolaura.encryption.eks_secrets must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'EKS secrets encryption removed (prod)',
    policy: { id: 'ECO-ENC-003', package: 'ecolaura.encryption.eks_secrets' },
    apply: (tree) => {
      const cluster = tree.terraformResource('prod', 'aws_eks_cluster');
      delete cluster.body.encryption_config;
      cluster.save();
      return cluster;
    },
  },
];
