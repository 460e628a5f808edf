/**
 * The promise end to end: a defect planted in a construct's TypeScript, synthesized, gated,
 * comes back naming that TypeScript file and the line that created the resource — in the text
 * and as the primary location in SARIF — once, with every environment it reaches.
 */

import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../core/repo-root';
import { runGate } from '../gate/run-gate';
import { formatSarif } from '../render/format-sarif';
import { formatText } from '../render/format-text';

const CONSTRUCT = 'terraform/database/postgres-database.ts';
const SOURCES = ['package.json', 'tsconfig.json', 'environments', 'terraform', 'scripts', 'apps'];
const STACKS = ['dev', 'prod', 'staging'].map((env) => `terraform/cdktf.out/stacks/${env}/cdk.tf.json`);

let root: string;
let creatingLine: number;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'planted-defect-'));
  for (const source of SOURCES) cpSync(join(REPO_ROOT, source), join(root, source), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'));
  const text = readFileSync(join(root, CONSTRUCT), 'utf8');
  if (!text.includes('storageEncrypted: true')) throw new Error(`${CONSTRUCT} no longer sets storageEncrypted: true`);
  writeFileSync(join(root, CONSTRUCT), text.replace('storageEncrypted: true', 'storageEncrypted: false'));
  creatingLine = text.split('\n').findIndex((line) => line.includes('new DbInstance(')) + 1;
  const synth = spawnSync(process.execPath, [require.resolve('tsx/cli'), 'terraform/main.ts'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (synth.status !== 0) throw new Error(`synth of the planted copy failed:\n${synth.stdout}${synth.stderr}`);
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

it('names the TypeScript file and line of the construct call, once for every environment it reaches', async () => {
  expect(creatingLine).toBeGreaterThan(0);
  const report = await runGate({
    paths: STACKS,
    root,
    bundleDir: join(REPO_ROOT, 'policies', 'bundle'),
    exceptionsFile: join(REPO_ROOT, 'policies', 'exceptions.yaml'),
    today: '2026-06-01',
  });
  const encryption = report.findings.filter((finding) => finding.policy === 'ECO-ENC-001');
  expect(encryption).toHaveLength(1);
  const [finding] = encryption;
  expect(finding?.origin?.source).toEqual({ file: CONSTRUCT, line: creatingLine, construct: 'dev/database/instance' });
  expect(finding?.occurrences?.map((o) => o.environment)).toEqual(['dev', 'prod', 'staging']);

  // The offending attribute's line in the generated JSON, not the resource's first line.
  const stack = readFileSync(join(root, STACKS[0] as string), 'utf8').split('\n');
  expect(stack[(finding?.line ?? 0) - 1]).toContain('"storage_encrypted": false');

  expect(formatText(report)).toContain(`created by ${CONSTRUCT}:${creatingLine} (construct dev/database/instance)`);
  const result = JSON.parse(formatSarif(report)).runs[0].results.find(
    (r: { ruleId: string }) => r.ruleId === 'ECO-ENC-001',
  );
  expect(result.locations[0].physicalLocation).toMatchObject({
    artifactLocation: { uri: CONSTRUCT },
    region: { startLine: creatingLine },
  });
  expect(result.relatedLocations).toHaveLength(3);
});
