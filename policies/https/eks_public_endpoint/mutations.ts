/** Mutation rows: defects ecolaura.https.eks_public_endpoint must catch in the synthesized output. */

import { blocks, type Json, type Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'EKS API endpoint opened to 0.0.0.0/0 (dev)',
    policy: { id: 'ECO-TLS-006', package: 'ecolaura.https.eks_public_endpoint' },
    apply: (tree) => {
      const cluster = tree.terraformResource('dev', 'aws_eks_cluster');
      for (const vpc of blocks(cluster.body.vpc_config)) {
        vpc.endpoint_public_access = true;
        vpc.public_access_cidrs = ['0.0.0.0/0'];
      }
      cluster.save();
      return cluster;
    },
  },
  {
    defect: 'the EKS endpoint made public to 0.0.0.0/1 and 128.0.0.0/1 (prod)',
    policy: { id: 'ECO-TLS-006', package: 'ecolaura.https.eks_public_endpoint' },
    apply: (tree) => {
      const cluster = tree.terraformResource('prod', 'aws_eks_cluster');
      const config = cluster.body.vpc_config as Json;
      config.endpoint_public_access = true;
      config.public_access_cidrs = ['0.0.0.0/1', '128.0.0.0/1'];
      cluster.save();
      return cluster;
    },
  },
];
