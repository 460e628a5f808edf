/** Mutation rows: defects ecolaura.supporting.eks_control_plane_logs must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'EKS audit and authenticator logs switched off (prod)',
    policy: { id: 'ECO-SUP-009', package: 'ecolaura.supporting.eks_control_plane_logs' },
    apply: (tree) => {
      const cluster = tree.terraformResource('prod', 'aws_eks_cluster');
      cluster.body.enabled_cluster_log_types = ['api', 'controllerManager', 'scheduler'];
      cluster.save();
      return cluster;
    },
  },
];
