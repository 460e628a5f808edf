/** Mutation rows: defects ecolaura.supporting.rds_public must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'RDS made publicly accessible (dev)',
    policy: { id: 'ECO-SUP-001', package: 'ecolaura.supporting.rds_public' },
    apply: (tree) => {
      const db = tree.terraformResource('dev', 'aws_db_instance');
      db.body.publicly_accessible = true;
      db.save();
      return { ...db, path: ['publicly_accessible'] };
    },
  },
  {
    defect: 'RDS publicly_accessible taken from a variable (dev)',
    policy: { id: 'ECO-SUP-001', package: 'ecolaura.supporting.rds_public' },
    apply: (tree) => {
      const db = tree.terraformResource('dev', 'aws_db_instance');
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
      db.body.publicly_accessible = '${var.public}';
      db.save();
      return { ...db, path: ['publicly_accessible'] };
    },
  },
];
