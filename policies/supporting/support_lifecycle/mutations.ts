/** Mutation rows: defects ecolaura.supporting.support_lifecycle must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

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
  {
    defect: 'the cert-manager chart back on v1.18.0, past its end of life (2026-03-10, prod)',
    policy: { id: 'ECO-SUP-030', package: 'ecolaura.supporting.support_lifecycle' },
    apply: (tree) => {
      const certManager = tree.kubernetesObject(
        'prod',
        'Application',
        (o) => (o.metadata as Json).name === 'cert-manager',
      );
      certManager.document.setIn(['spec', 'source', 'targetRevision'], 'v1.18.0');
      certManager.save();
      return certManager;
    },
  },
];
