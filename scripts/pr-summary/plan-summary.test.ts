import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPlans, summarizePlanJson } from './plan-summary';
import { writeFiles } from './testing/temp-git-repo';

function plan(changes: readonly [string, readonly string[]][]): string {
  return JSON.stringify({
    format_version: '1.2',
    resource_changes: changes.map(([address, actions]) => ({ address, mode: 'managed', change: { actions } })),
  });
}

const STACK = { terraform: { backend: { s3: { bucket: 'state' } }, required_providers: {} }, resource: {} };
const PLANNED_COPY = { terraform: { required_providers: {} }, resource: {} };

describe('summarizePlanJson', () => {
  it('counts each action and lists the addresses of deletes and replaces', () => {
    const summary = summarizePlanJson(
      plan([
        ['aws_s3_bucket.audit', ['create']],
        ['aws_db_instance.database', ['delete']],
        ['aws_eks_node_group.general', ['create', 'delete']],
        ['aws_instance.bastion', ['delete', 'create']],
        ['aws_vpc.main', ['update']],
        ['aws_subnet.a', ['no-op']],
        ['aws_kms_key.legacy', ['forget']],
      ]),
      '.tfcheck/prod/plan.json',
    );
    expect(summary.counts).toEqual({ create: 1, update: 1, replace: 2, delete: 1, forget: 1, read: 0, 'no-op': 1 });
    expect(summary.deletes).toEqual(['aws_db_instance.database']);
    expect(summary.replaces).toEqual(['aws_eks_node_group.general', 'aws_instance.bastion']);
    expect(summary.forgets).toEqual(['aws_kms_key.legacy']);
  });

  it('accepts an empty plan, which terraform writes without resource_changes', () => {
    expect(summarizePlanJson('{"format_version":"1.2"}', 'p.json').counts.create).toBe(0);
  });

  it('refuses actions it does not know rather than miscounting them, naming file, index and address', () => {
    expect(() => summarizePlanJson(plan([['aws_vpc.main', ['teleport']]]), '.tfcheck/dev/plan.json')).toThrow(
      '.tfcheck/dev/plan.json: resource_changes[0] (aws_vpc.main): unknown actions ["teleport"]',
    );
  });

  it('refuses JSON that is not a plan', () => {
    expect(() => summarizePlanJson('{"resource":{}}', '.tfcheck/dev/plan.json')).toThrow(
      '.tfcheck/dev/plan.json: not a plan written by terraform show -json',
    );
  });
});

describe('readPlans', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pr-summary-plans-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('marks an environment without a saved plan as not planned', () => {
    writeFiles(root, { '.tfcheck/prod/plan.json': plan([]) });
    const plans = readPlans(root);
    expect(plans.map((p) => [p.environment, p.planned])).toEqual([
      ['dev', false],
      ['staging', false],
      ['prod', true],
    ]);
  });

  it('calls a plan current when tf:check planned the committed stack (backend left out), stale once the stack moved', () => {
    writeFiles(root, {
      'terraform/cdktf.out/stacks/prod/cdk.tf.json': JSON.stringify(STACK),
      '.tfcheck/prod/cdk.tf.json': JSON.stringify(PLANNED_COPY, null, 2),
      '.tfcheck/prod/plan.json': plan([['aws_vpc.main', ['create']]]),
    });
    const prod = () => readPlans(root, ['prod'])[0];
    expect(prod()).toMatchObject({ planned: true, basis: 'current' });

    writeFiles(root, {
      'terraform/cdktf.out/stacks/prod/cdk.tf.json': JSON.stringify({ ...STACK, resource: { aws_vpc: { main: {} } } }),
    });
    expect(prod()).toMatchObject({ planned: true, basis: 'stale' });
  });
});
