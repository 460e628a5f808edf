/** Mutation rows: defects ecolaura.supporting.prod_multi_az must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'prod database without multi-AZ',
    policy: { id: 'ECO-SUP-004', package: 'ecolaura.supporting.prod_multi_az' },
    apply: (tree) => {
      const db = tree.terraformResource('prod', 'aws_db_instance');
      db.body.multi_az = false;
      db.save();
      return { ...db, path: ['multi_az'] };
    },
  },
];
