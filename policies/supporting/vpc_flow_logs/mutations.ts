/** Mutation rows: defects ecolaura.supporting.vpc_flow_logs must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'the VPC flow log removed (dev)',
    policy: { id: 'ECO-SUP-010', package: 'ecolaura.supporting.vpc_flow_logs' },
    apply: (tree) => {
      const log = tree.terraformResource('dev', 'aws_flow_log');
      delete (log.config.resource as Record<string, Json>).aws_flow_log;
      log.save();
      return tree.terraformResource('dev', 'aws_vpc');
    },
  },
];
