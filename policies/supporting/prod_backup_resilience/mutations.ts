/** Mutation rows: defects ecolaura.supporting.prod_backup_resilience must catch in the synthesized output. */

import { blocks, type Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'prod backups no longer copied to the second region (copy_action removed)',
    policy: { id: 'ECO-SUP-022', package: 'ecolaura.supporting.prod_backup_resilience' },
    apply: (tree) => {
      const plan = tree.terraformResource('prod', 'aws_backup_plan');
      for (const rule of blocks(plan.body.rule)) delete rule.copy_action;
      plan.save();
      return plan;
    },
  },
  {
    defect: 'the prod backup vault lock without its minimum retention',
    policy: { id: 'ECO-SUP-022', package: 'ecolaura.supporting.prod_backup_resilience' },
    apply: (tree) => {
      const lock = tree.terraformResource(
        'prod',
        'aws_backup_vault_lock_configuration',
        (_, name) => name === 'backup_vault_lock',
      );
      delete lock.body.min_retention_days;
      lock.save();
      return tree.terraformResource('prod', 'aws_backup_vault', (_, name) => name === 'backup_vault');
    },
  },
];
