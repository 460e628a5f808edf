/** Mutation rows: defects ecolaura.supporting.prod_deletion_protection must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'prod database without deletion protection',
    policy: { id: 'ECO-SUP-003', package: 'ecolaura.supporting.prod_deletion_protection' },
    apply: (tree) => {
      const db = tree.terraformResource('prod', 'aws_db_instance');
      db.body.deletion_protection = false;
      db.save();
      return { ...db, path: ['deletion_protection'] };
    },
  },
];
