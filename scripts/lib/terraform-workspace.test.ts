import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareWorkspace, summarizePlan } from './terraform-workspace';

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ecolaura-tfws-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

describe('prepareWorkspace', () => {
  it('copies the stack without its backend and keeps everything else', () => {
    const stackFile = join(scratch, 'cdk.tf.json');
    writeFileSync(
      stackFile,
      JSON.stringify({
        terraform: { backend: { s3: { bucket: 'b' } }, required_version: '>= 1.10.0' },
        resource: { aws_vpc: { v: { cidr_block: '10.0.0.0/16' } } },
      }),
    );
    const workDir = join(scratch, 'work');
    const prepared = prepareWorkspace(stackFile, workDir);
    // The committed bytes come back, so tf:check stamps the plan with the stack it planned.
    expect([prepared.backendRemoved, prepared.stackBytes.equals(readFileSync(stackFile))]).toEqual([true, true]);
    expect(JSON.parse(readFileSync(join(workDir, 'cdk.tf.json'), 'utf8'))).toEqual({
      terraform: { required_version: '>= 1.10.0' },
      resource: { aws_vpc: { v: { cidr_block: '10.0.0.0/16' } } },
    });
  });

  it('removes the plan of an earlier run', () => {
    const stackFile = join(scratch, 'cdk.tf.json');
    writeFileSync(stackFile, '{}');
    const workDir = join(scratch, 'work');
    mkdirSync(workDir);
    writeFileSync(join(workDir, 'plan.json'), 'old');
    prepareWorkspace(stackFile, workDir);
    expect(() => readFileSync(join(workDir, 'plan.json'))).toThrow(/ENOENT/);
  });
});

describe('summarizePlan', () => {
  it('counts managed resources with changes, and data sources apart', () => {
    const plan = {
      resource_changes: [
        { mode: 'managed', change: { actions: ['create'] } },
        { mode: 'managed', change: { actions: ['create'] } },
        { mode: 'managed', change: { actions: ['delete', 'create'] } },
        { mode: 'managed', change: { actions: ['update'] } },
        { mode: 'managed', change: { actions: ['no-op'] } },
        { mode: 'data', change: { actions: ['read'] } },
      ],
    };
    expect(summarizePlan(JSON.stringify(plan))).toEqual({
      changed: 4,
      create: 3,
      update: 1,
      delete: 1,
      dataSources: 1,
    });
  });

  it('reads an empty plan as no changes', () => {
    expect(summarizePlan('{}')).toEqual({ changed: 0, create: 0, update: 0, delete: 0, dataSources: 0 });
  });
});
