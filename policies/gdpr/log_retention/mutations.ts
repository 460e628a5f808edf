/** Mutation rows: defects ecolaura.gdpr.log_retention must catch in the synthesized output. */

import type { Json, Mutation } from '../../../scripts/policy/mutation-kit';

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'log retention longer than the retention-days tag allows (prod)',
    policy: { id: 'ECO-GDPR-006', package: 'ecolaura.gdpr.log_retention' },
    apply: (tree) => {
      // A group holding personal data: only those carry a retention-days tag to exceed.
      const group = tree.terraformResource(
        'prod',
        'aws_cloudwatch_log_group',
        (body) => (body.tags as Json | undefined)?.['gdpr.ecolaura.io/retention-days'] !== undefined,
      );
      group.body.retention_in_days = 400;
      group.save();
      return { ...group, path: ['retention_in_days'] };
    },
  },
  {
    defect: 'a log group that never expires (staging)',
    policy: { id: 'ECO-GDPR-006', package: 'ecolaura.gdpr.log_retention' },
    apply: (tree) => {
      const group = tree.terraformResource('staging', 'aws_cloudwatch_log_group');
      delete group.body.retention_in_days;
      group.save();
      return group;
    },
  },
];
