import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { renderSourceMap } from '../source-map/source-map-file';
import { locateViolations } from './locate-findings';
import { normalizeFile } from './normalize';
import type { PolicyResource, Violation } from './types';

const STACK = 'terraform/cdktf.out/stacks/prod/cdk.tf.json';
const PLAN = '.tfcheck/prod/plan.json';
const MANIFEST = 'clusters/prod/backend/Deployment.backend.yaml';

const stackText = `${JSON.stringify(
  {
    resource: {
      aws_db_instance: {
        database_instance: {
          '//': { metadata: { path: 'prod/database/instance' } },
          identifier: 'ecolaura-prod-postgres',
          storage_encrypted: false,
          timeouts: { create: '60m' },
        },
      },
    },
  },
  null,
  2,
)}\n`;
const line = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

const manifestText = [
  '# generated',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: backend',
  '  namespace: ecolaura',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: api',
  '          image: backend:latest',
  '',
].join('\n');

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'locate-findings-'));
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  write(STACK, stackText);
  write(MANIFEST, manifestText);
  const site = { construct: 'prod/database/instance', file: 'terraform/database/postgres-database.ts', line: 127 };
  write(
    'terraform/cdktf.out/source-map.json',
    renderSourceMap(new Map([['stacks/prod/cdk.tf.json', new Map([['aws_db_instance.database_instance', site]])]])),
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function violation(file: string, resourceAddress: string, at: number, path?: (string | number)[]): Violation {
  return {
    policy: 'ECO-ENC-001',
    severity: 'critical',
    title: 'RDS storage',
    resource: resourceAddress,
    file,
    line: at,
    environment: 'prod',
    message: `${resourceAddress}: storage_encrypted is false`,
    ...(path ? { path } : {}),
  };
}

const [config] = normalizeFile(STACK, stackText) as [PolicyResource];
// What the plan normalizer yields for the same resource: the one line of plan.json.
const plan: PolicyResource = { ...config, source: 'terraform-plan', file: PLAN, line: 1 };
const [deployment] = normalizeFile(MANIFEST, manifestText) as [PolicyResource];

describe('locateViolations', () => {
  it("points a configuration finding at the offending attribute's line and names the TypeScript that created it", () => {
    const [located] = locateViolations([violation(STACK, config.address, 4, ['storage_encrypted'])], [config], root);
    expect(located).toMatchObject({
      file: STACK,
      line: line(stackText, '"storage_encrypted"'),
      origin: {
        form: 'terraform',
        input: STACK,
        source: { file: 'terraform/database/postgres-database.ts', line: 127, construct: 'prod/database/instance' },
      },
    });
  });

  it("points a plan finding at its stack's cdk.tf.json, not plan.json:1, passing over a plan's block index", () => {
    const [located] = locateViolations([violation(PLAN, plan.address, 1, ['timeouts', 0, 'create'])], [plan], root);
    expect(located).toMatchObject({
      file: STACK,
      line: line(stackText, '"create"'),
      origin: { form: 'terraform-plan', input: PLAN, source: { line: 127 } },
    });
  });

  it("keeps the resource's line when the policy names no attribute, or one the file does not write", () => {
    const resourceLine = line(stackText, '"database_instance"');
    const located = locateViolations(
      [violation(STACK, config.address, resourceLine), violation(STACK, config.address, resourceLine, ['kms_key_id'])],
      [config],
      root,
    );
    expect(located.map((v) => v.line)).toEqual([resourceLine, resourceLine]);
  });

  it("points a manifest finding at the attribute's line; no source map covers it here", () => {
    const path = ['spec', 'template', 'spec', 'containers', 0, 'image'];
    const [located] = locateViolations([violation(MANIFEST, deployment.address, 2, path)], [deployment], root);
    expect(located).toMatchObject({ file: MANIFEST, line: line(manifestText, 'image:'), origin: { source: null } });
  });
});
