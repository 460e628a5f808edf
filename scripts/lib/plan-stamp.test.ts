import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planStaleness, STACK_STAMP_FILE, writeStackStamp } from './plan-stamp';

let root: string;
const STACK = 'terraform/cdktf.out/stacks/dev/cdk.tf.json';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'plan-stamp-'));
  mkdirSync(join(root, 'terraform/cdktf.out/stacks/dev'), { recursive: true });
  mkdirSync(join(root, '.tfcheck/dev'), { recursive: true });
  writeFileSync(join(root, STACK), '{"resource": {}}');
  writeFileSync(join(root, '.tfcheck/dev/plan.json'), '{}');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('planStaleness', () => {
  it('is undefined while the stack still has the bytes the plan was made from', () => {
    writeStackStamp(join(root, '.tfcheck/dev'), STACK, Buffer.from('{"resource": {}}'));
    expect(planStaleness(root, join(root, '.tfcheck/dev/plan.json'))).toBeUndefined();
  });

  it('names the stack once it changed after the plan', () => {
    writeStackStamp(join(root, '.tfcheck/dev'), STACK, Buffer.from('{"resource": {"old": {}}}'));
    expect(planStaleness(root, join(root, '.tfcheck/dev/plan.json'))).toMatch(
      new RegExp(`^its stack ${STACK} changed after the plan was written`),
    );
  });

  it('calls a tf:check plan without a stamp stale, and judges a plan elsewhere as given', () => {
    expect(planStaleness(root, join(root, '.tfcheck/dev/plan.json'))).toBe(
      `no ${STACK_STAMP_FILE} beside it records which stack it was planned from`,
    );
    writeFileSync(join(root, 'plan.json'), '{}');
    expect(planStaleness(root, join(root, 'plan.json'))).toBeUndefined();
  });
});
