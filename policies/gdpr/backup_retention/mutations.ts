/** Mutation rows: defects ecolaura.gdpr.backup_retention must catch in the synthesized output. */

import { blocks, type Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'a backup plan rule that keeps recovery points forever (prod)',
    policy: { id: 'ECO-GDPR-007', package: 'ecolaura.gdpr.backup_retention' },
    apply: (tree) => {
      const plan = tree.terraformResource('prod', 'aws_backup_plan');
      for (const rule of blocks(plan.body.rule)) delete rule.lifecycle;
      plan.save();
      return plan;
    },
  },
];
