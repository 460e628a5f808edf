/** Mutation rows: defects ecolaura.gdpr.eu_region must catch in the synthesized output. */

import { blocks, type Json, type Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'the AWS provider moved to a non-EU region (staging)',
    policy: { id: 'ECO-GDPR-005', package: 'ecolaura.gdpr.eu_region' },
    apply: (tree) => {
      const db = tree.terraformResource('staging', 'aws_db_instance');
      for (const provider of blocks((db.config.provider as Json).aws)) provider.region = 'us-east-1';
      db.save();
      return db;
    },
  },
];
