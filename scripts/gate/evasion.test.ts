/**
 * Planted evasions that the mutation table cannot express (they need a file layout, not an edit
 * of the synthesized output): files the gate cannot judge, a document that is two things at
 * once, an environment folder nested inside another, and a saved plan whose stack changed.
 * Each runs the real gate with the committed bundle.
 */

import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GateInputError } from '../core/errors';
import { STACK_STAMP_FILE, sha256Hex } from '../lib/plan-stamp';
import { exitCodeOf, runGate } from './run-gate';
import { REPO_ROOT } from './testing/synthesized-copy';

const BUNDLE = join(REPO_ROOT, 'policies', 'bundle');

let root: string;

function write(relative: string, content: string): void {
  mkdirSync(dirname(join(root, relative)), { recursive: true });
  writeFileSync(join(root, relative), content);
}

function gate(paths: string[], exceptions = 'exceptions: []\n', gateRoot = root) {
  write('exceptions.yaml', exceptions);
  return runGate({
    paths,
    root: gateRoot,
    bundleDir: BUNDLE,
    exceptionsFile: join(root, 'exceptions.yaml'),
    today: '2026-12-02',
  });
}

const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: debug
  namespace: shop
spec:
  containers:
    - name: debug
      image: ghcr.io/example/debug:1.0.0
      securityContext:
        privileged: true
`;

/** A plan of one public RDS instance, as terraform show -json writes it. */
const PUBLIC_DB_PLAN = JSON.stringify({
  format_version: '1.2',
  planned_values: {
    root_module: {
      resources: [
        {
          address: 'aws_db_instance.db',
          mode: 'managed',
          type: 'aws_db_instance',
          name: 'db',
          values: { publicly_accessible: true },
        },
      ],
    },
  },
});

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gate-evasion-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('files Terraform or Argo CD would load but the gate cannot judge', () => {
  it.each([
    ['terraform/cdktf.out/stacks/prod/main.tf', 'Terraform HCL'],
    ['terraform/cdktf.out/stacks/prod/cdk_override.tf.json', 'a Terraform override file'],
    ['terraform/cdktf.out/stacks/prod/extra.tf.json', 'Terraform JSON other than cdk.tf.json'],
    ['terraform/cdktf.out/stacks/prod/terraform.tfvars', 'a Terraform variables file'],
    ['clusters/prod/shop/kustomization.yaml', 'a kustomization'],
    ['clusters/prod/shop/app.jsonnet', 'Jsonnet'],
  ])('refuses %s with exit 2 instead of skipping it (%s)', async (file, reason) => {
    write('terraform/cdktf.out/stacks/prod/cdk.tf.json', '{"resource": {}}');
    write('clusters/prod/shop/Namespace.shop.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
    write(file, '{}');
    const run = gate(['terraform', 'clusters']);
    await expect(run).rejects.toThrow(GateInputError);
    await expect(run).rejects.toThrow(`${file}: refused: ${reason}`);
  });

  it('refuses such a file named on the command line, not only found in a folder', async () => {
    write('terraform/cdktf.out/stacks/prod/cdk_override.tf.json', '{}');
    await expect(gate(['terraform/cdktf.out/stacks/prod/cdk_override.tf.json'])).rejects.toThrow(
      'terraform/cdktf.out/stacks/prod/cdk_override.tf.json: refused: a Terraform override file',
    );
  });

  it('refuses such a file reached through a symbolic link inside the root, by the name it is loaded under', async () => {
    // Terraform loads main.tf by its name in the folder, whatever the link points at.
    write('clusters/prod/shop/Namespace.shop.yaml', 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n');
    write('notes/hcl.txt', 'resource "aws_db_instance" "db" {}\n');
    mkdirSync(join(root, 'terraform/cdktf.out/stacks/prod'), { recursive: true });
    symlinkSync(join(root, 'notes/hcl.txt'), join(root, 'terraform/cdktf.out/stacks/prod/main.tf'));
    await expect(gate(['terraform', 'clusters'])).rejects.toThrow(
      'terraform/cdktf.out/stacks/prod/main.tf: refused: Terraform HCL',
    );
  });
});

describe('a JSON document is classified by its shape as a whole', () => {
  it('refuses a Kubernetes object that also carries a Terraform "resource" key (exit 2)', async () => {
    // Before: the file was judged as Terraform, and the privileged Pod in it was never seen.
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug' }, spec: {}, resource: {} };
    write('clusters/prod/debug/Pod.debug.json', JSON.stringify(pod));
    await expect(gate(['clusters'])).rejects.toThrow(/ambiguous document/);
  });
});

describe('the environment comes from the path position', () => {
  const DEV_WAIVER = `exceptions:
  - policy: ECO-PSS-001
    resource: "Pod/shop/*"
    environment: dev
    justification: the dev debug pod needs the host's devices while the profiler is ported
    owner: platform-team
    expires: 2027-01-31
`;

  it('does not let a folder named dev inside prod pick up dev waivers', async () => {
    write('clusters/prod/dev/Pod.debug.yaml', PRIVILEGED_POD);
    const report = await gate(['clusters'], DEV_WAIVER);
    const finding = report.findings.find((f) => f.policy === 'ECO-PSS-001');
    expect([finding?.environment, finding?.waived, exitCodeOf(report)]).toEqual(['prod', false, 1]);
  });

  it('still applies the dev waiver to clusters/dev', async () => {
    write('clusters/dev/debug/Pod.debug.yaml', PRIVILEGED_POD);
    const report = await gate(['clusters'], DEV_WAIVER);
    const finding = report.findings.find((f) => f.policy === 'ECO-PSS-001');
    expect([finding?.environment, finding?.waived]).toEqual(['dev', true]);
  });
});

describe('saved plans', () => {
  const STACK = 'terraform/cdktf.out/stacks/prod/cdk.tf.json';
  const STACK_TEXT = '{"resource": {"aws_db_instance": {"db": {"publicly_accessible": false}}}}';

  beforeEach(() => {
    write(STACK, STACK_TEXT);
    write('.tfcheck/prod/plan.json', PUBLIC_DB_PLAN);
  });

  it('judges a plan whose stack is unchanged since tf:check wrote it, pointing into that stack', async () => {
    write(`.tfcheck/prod/${STACK_STAMP_FILE}`, `${sha256Hex(STACK_TEXT)}  ${STACK}\n`);
    const report = await gate(['.tfcheck/prod/plan.json']);
    expect([report.stalePlans, report.findings.map((f) => [f.policy, f.origin?.input, f.file])]).toEqual([
      [],
      expect.arrayContaining([['ECO-SUP-001', '.tfcheck/prod/plan.json', STACK]]),
    ]);
  });

  it('reports a plan as stale, not judged, once its stack changed', async () => {
    write(`.tfcheck/prod/${STACK_STAMP_FILE}`, `${sha256Hex('{"resource": {}}')}  ${STACK}\n`);
    const report = await gate(['.tfcheck/prod/plan.json', STACK]);
    expect(report.stalePlans).toEqual([
      {
        file: '.tfcheck/prod/plan.json',
        reason: expect.stringContaining(`its stack ${STACK} changed after the plan was written`),
      },
    ]);
    expect(report.findings.filter((f) => f.origin?.input === '.tfcheck/prod/plan.json')).toEqual([]);
  });

  it('reports a tf:check plan without a stamp as stale when the root is reached through a symbolic link', async () => {
    // The gate reads files by their resolved path; .tfcheck must still be recognised as the root's.
    const linkedRoot = `${root}-link`;
    symlinkSync(root, linkedRoot);
    try {
      const report = await gate(['.tfcheck/prod/plan.json', STACK], undefined, linkedRoot);
      expect(report.stalePlans.map((p) => [p.file, p.reason])).toEqual([
        ['.tfcheck/prod/plan.json', `no ${STACK_STAMP_FILE} beside it records which stack it was planned from`],
      ]);
    } finally {
      rmSync(linkedRoot, { force: true });
    }
  });

  it('reports a tf:check plan without a stamp as stale', async () => {
    const report = await gate(['.tfcheck/prod/plan.json', STACK]);
    expect(report.stalePlans.map((p) => p.reason)).toEqual([
      `no ${STACK_STAMP_FILE} beside it records which stack it was planned from`,
    ]);
  });
});
