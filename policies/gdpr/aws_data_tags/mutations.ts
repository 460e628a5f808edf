/** Mutation rows: defects ecolaura.gdpr.aws_data_tags must catch in the synthesized output. */

import { type Mutation, withoutKey } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'GDPR personal-data tag removed from the database (staging)',
    policy: { id: 'ECO-GDPR-004', package: 'ecolaura.gdpr.aws_data_tags' },
    apply: (tree) => {
      const db = tree.terraformResource('staging', 'aws_db_instance');
      db.body.tags = withoutKey(db.body.tags, 'gdpr.ecolaura.io/personal-data');
      db.save();
      return { ...db, path: ['tags'] };
    },
  },
];
