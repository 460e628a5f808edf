/** Mutation rows: defects ecolaura.supporting.support_lifecycle must catch in the synthesized output. */

import type { Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'prod database back on PostgreSQL 13, past its RDS standard support (2026-02-28)',
    policy: { id: 'ECO-SUP-030', package: 'ecolaura.supporting.support_lifecycle' },
    apply: (tree) => {
      const database = tree.terraformResource('prod', 'aws_db_instance');
      database.body.engine_version = '13';
      database.save();
      return database;
    },
  },
];
