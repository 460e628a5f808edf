/** Test helper: a hand-made summary (no Git, synth or bundle needed) to check verdict and rendering. */
import { sampleReport } from '../../gate/testing/sample-report';
import type { EnvironmentPlan, PlanAction } from '../plan-summary';
import type { StackPlan } from '../planned-changes';
import type { PrSummary } from '../summary';

const NO_ACTIONS: Record<PlanAction, number> = {
  create: 0,
  update: 0,
  replace: 0,
  delete: 0,
  forget: 0,
  read: 0,
  'no-op': 0,
};

export const SAMPLE_PLANS: readonly EnvironmentPlan[] = [
  { environment: 'dev', file: '.tfcheck/dev/plan.json', planned: false },
  {
    environment: 'staging',
    file: '.tfcheck/staging/plan.json',
    planned: true,
    basis: 'current',
    counts: { ...NO_ACTIONS, create: 86 },
    deletes: [],
    replaces: [],
    forgets: [],
  },
  {
    environment: 'prod',
    file: '.tfcheck/prod/plan.json',
    planned: true,
    basis: 'stale',
    counts: { ...NO_ACTIONS, update: 3, delete: 1, replace: 1, 'no-op': 80 },
    deletes: ['aws_sqs_queue.jobs'],
    replaces: ['aws_db_instance.database'],
    forgets: [],
  },
];

/** The head of prod planned against its base: the database replaced, unacknowledged. */
export const SAMPLE_PLANNED: readonly StackPlan[] = [
  {
    stack: 'prod',
    cached: false,
    resources: [
      { address: 'aws_s3_bucket.audit', type: 'aws_s3_bucket', action: 'create', forcedBy: [], changes: [] },
      {
        address: 'aws_db_instance.database',
        type: 'aws_db_instance',
        action: 'replace',
        forcedBy: ['identifier'],
        changes: [
          { path: 'identifier', before: '"ecolaura-prod-postgres"', after: '"ecolaura-prod-db"' },
          { path: 'password', before: '(sensitive)', after: '(sensitive)' },
        ],
      },
      { address: 'aws_sqs_queue.jobs', type: 'aws_sqs_queue', action: 'delete', forcedBy: [], changes: [] },
    ],
    destructive: [
      {
        stack: 'prod',
        address: 'aws_db_instance.database',
        action: 'replace',
        forcedBy: ['identifier'],
        acknowledged: false,
      },
    ],
  },
];

const unchanged = { stack: null, objects: { added: [], removed: [], changed: [] }, objectFields: {}, otherFiles: [] };

/** A pull request that adds a bucket, drops a queue and resizes the database in prod; in sync; no findings. */
export function sampleSummary(overrides: Partial<PrSummary> = {}): PrSummary {
  return {
    changes: {
      base: { ref: 'origin/main', commit: '0123456789abcdef0123456789abcdef01234567' },
      fileCount: 4,
      environments: [
        { environment: 'dev', ...unchanged },
        { environment: 'staging', ...unchanged },
        {
          environment: 'prod',
          stack: {
            file: 'terraform/cdktf.out/stacks/prod/cdk.tf.json',
            status: 'modified',
            diff: {
              added: ['aws_s3_bucket.audit'],
              removed: ['aws_sqs_queue.jobs'],
              changed: [{ address: 'aws_db_instance.database', attributes: ['instance_class', 'tags'] }],
              blocks: ['provider'],
            },
          },
          objects: { added: ['backend/CronJob.audit-export'], removed: [], changed: ['backend/Deployment.backend'] },
          objectFields: { 'backend/Deployment.backend': [{ path: 'spec.replicas', before: '2', after: '3' }] },
          otherFiles: [],
        },
      ],
      otherFiles: [{ status: 'modified', file: 'terraform/cdktf.out/manifest.json' }],
    },
    planned: SAMPLE_PLANNED,
    plans: SAMPLE_PLANS,
    drift: [],
    gate: sampleReport([]),
    ...overrides,
  };
}

/** The sample with nothing left to block it: every plan current, the replacement acknowledged. */
export function readySummary(overrides: Partial<PrSummary> = {}): PrSummary {
  const plans = SAMPLE_PLANS.map((plan) =>
    plan.planned
      ? { ...plan, basis: 'current' as const }
      : {
          ...plan,
          planned: true as const,
          basis: 'current' as const,
          counts: NO_ACTIONS,
          deletes: [],
          replaces: [],
          forgets: [],
        },
  );
  const planned = SAMPLE_PLANNED.map((plan) => ({
    ...plan,
    destructive: plan.destructive.map((d) => ({ ...d, acknowledged: true })),
  }));
  return sampleSummary({ plans, planned, ...overrides });
}
