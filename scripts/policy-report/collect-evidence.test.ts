import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MUTATIONS } from '../gate/mutations';
import { plantOnDisk } from '../gate/testing/mutable-tree';
import { readRegoSources, testEntrypoints } from '../lib/opa-sources';
import { collectEvidence } from './collect-evidence';
import { type EvidenceReport, exitCodeOfEvidence, type PolicyEvidence } from './evidence';
import { copyRepository, REPO_ROOT } from './testing/repository-copy';

const TODAY = '2026-06-01';
let committed: EvidenceReport;
const scratch: string[] = [];

beforeAll(async () => {
  committed = (await collectEvidence({ root: REPO_ROOT, today: TODAY })).report;
});

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

function scratchCopy(): string {
  const root = copyRepository();
  scratch.push(root);
  return root;
}

function policy(report: EvidenceReport, id: string): PolicyEvidence {
  const found = report.policies.find((p) => p.id === id);
  if (!found) throw new Error(`${id} is not in the report`);
  return found;
}

describe('the evidence of the committed repository', () => {
  it('lists ECO-ENC-001 with the test rules of rds_storage/policy_test.rego, as read from the Rego source', () => {
    const source = readRegoSources(REPO_ROOT).find(
      (s) => s.file === 'policies/encryption/rds_storage/policy_test.rego',
    );
    if (!source) throw new Error('rds_storage/policy_test.rego is missing');
    const fromSource = testEntrypoints([source]).map((entrypoint) => entrypoint.split('/').at(-1));
    const entry = policy(committed, 'ECO-ENC-001');
    expect(entry.tests.file).toBe('policies/encryption/rds_storage/policy_test.rego');
    expect(entry.tests.names).toEqual(fromSource);
    expect(entry.tests.names).toContain('test_unencrypted_instance_is_denied');
    expect(entry.file).toBe('policies/encryption/rds_storage/policy.rego');
  });

  it("lists ECO-ENC-001's rows of the mutation table, and only those", () => {
    expect(policy(committed, 'ECO-ENC-001').mutations.map((m) => m.defect)).toEqual([
      'RDS storage encryption turned off (prod)',
      'RDS encrypted with the AWS-managed key instead of a customer-managed one (staging)',
    ]);
    expect(committed.totals.mutations).toBe(MUTATIONS.length);
  });

  it('names fixtures below their policy folder, environment subfolders included', () => {
    const enc = policy(committed, 'ECO-ENC-001').fixtures;
    expect(enc).toEqual({
      folder: 'policies/encryption/rds_storage/fixtures/',
      allowed: ['allowed-encrypted-with-cmk.json'],
      disallowed: ['disallowed-unencrypted.json'],
    });
    const prodOnly = policy(committed, 'ECO-SUP-003').fixtures;
    expect([...prodOnly.allowed, ...prodOnly.disallowed].some((name) => name.startsWith('prod/'))).toBe(true);
  });

  it('maps "GDPR Art. 32(1)(a)" to exactly the policies whose catalog entry names it', () => {
    const catalog = JSON.parse(readFileSync(join(REPO_ROOT, 'policies', 'bundle', 'catalog.json'), 'utf8')) as {
      policies: { id: string; controls: string[] }[];
    };
    const expected = catalog.policies
      .filter((p) => p.controls.includes('GDPR Art. 32(1)(a)'))
      .map((p) => p.id)
      .sort();
    expect(expected).toContain('ECO-ENC-001');
    expect(committed.controls.find((c) => c.control === 'GDPR Art. 32(1)(a)')?.policies).toEqual(expected);
  });

  it('orders controls GDPR first, articles by number', () => {
    const gdpr = committed.controls.map((c) => c.control).filter((c) => c.startsWith('GDPR Art. '));
    expect(committed.controls[0]?.control.startsWith('GDPR ')).toBe(true);
    expect(gdpr.indexOf('GDPR Art. 5(2)')).toBeLessThan(gdpr.indexOf('GDPR Art. 25(1)'));
  });

  it('counts every Rego test of tests.wasm, split between policies and the shared helpers', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'policies', 'bundle', 'manifest.json'), 'utf8')) as {
      entrypoints: { 'tests.wasm': string[]; 'policy.wasm': string[] };
      sourcesSha256: string;
    };
    expect(committed.totals.tests + committed.totals.helperTests).toBe(manifest.entrypoints['tests.wasm'].length);
    expect(committed.bundle.sourcesSha256).toBe(manifest.sourcesSha256);
  });

  it('has no evidence gap and a passing gate, so it exits 0', () => {
    expect(committed.gaps).toEqual([]);
    expect(committed.gate).toMatchObject({ passed: true, violations: 0 });
    expect(committed.policies.every((p) => p.verdict.violations === 0)).toBe(true);
    expect(exitCodeOfEvidence(committed)).toBe(0);
  });
});

describe('the evidence of a changed copy', () => {
  it('shows a policy stripped of its fixtures as two gaps and exits 1', async () => {
    const root = scratchCopy();
    rmSync(join(root, 'policies', 'encryption', 'kms_rotation', 'fixtures'), { recursive: true });
    const { report } = await collectEvidence({ root, today: TODAY });
    expect(report.gaps).toEqual([
      { policy: 'ECO-ENC-004', problem: 'no allowed-* fixture in policies/encryption/kms_rotation/fixtures/' },
      { policy: 'ECO-ENC-004', problem: 'no disallowed-* fixture in policies/encryption/kms_rotation/fixtures/' },
    ]);
    expect(exitCodeOfEvidence(report)).toBe(1);
  });

  it('shows a policy whose mutations.ts is gone as a gap naming the file', async () => {
    const root = scratchCopy();
    rmSync(join(root, 'policies', 'encryption', 'kms_rotation', 'mutations.ts'));
    const { report } = await collectEvidence({ root, today: TODAY });
    expect(report.gaps).toEqual([
      { policy: 'ECO-ENC-004', problem: 'no mutation row in policies/encryption/kms_rotation/mutations.ts' },
    ]);
  });

  it('reports a mutation row naming an id that is not in the catalog as a gap', async () => {
    const root = scratchCopy();
    const file = join(root, 'policies', 'encryption', 'kms_rotation', 'mutations.ts');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll("id: 'ECO-ENC-004'", "id: 'ECO-ENC-999'"));
    const { report } = await collectEvidence({ root, today: TODAY });
    expect(report.gaps).toEqual([
      {
        policy: 'ECO-ENC-999',
        problem: 'mutation row "KMS key rotation turned off (prod)" names no catalog policy',
      },
    ]);
  });

  it('counts a planted violation against its policy and judges exceptions active or expired', async () => {
    const root = scratchCopy();
    const row = MUTATIONS.find((m) => m.defect === 'RDS storage encryption turned off (prod)');
    if (!row) throw new Error('the mutation row is gone');
    const target = plantOnDisk(root, row.apply);
    writeFileSync(
      join(root, 'policies', 'exceptions.yaml'),
      [
        'exceptions:',
        '  - policy: ECO-ENC-001',
        `    resource: "${target.resource}"`,
        '    environment: prod',
        '    justification: Expired waiver kept to prove the report shows it.',
        '    owner: platform-team',
        '    expires: 2026-01-31',
        '  - policy: ECO-TLS-001',
        '    resource: "Ingress/**"',
        '    justification: Waiver that matches nothing.',
        '    owner: web-team',
        '    expires: 2026-09-30',
        '',
      ].join('\n'),
    );
    const { report } = await collectEvidence({ root, today: TODAY });
    const enc = policy(report, 'ECO-ENC-001');
    expect(enc.verdict).toMatchObject({ violations: 1, waived: 0 });
    expect(enc.verdict.failing[0]?.resource).toBe(target.resource);
    expect(enc.exceptions).toEqual([
      expect.objectContaining({
        index: 0,
        owner: 'platform-team',
        status: 'expired',
        waives: 0,
        expires: '2026-01-31',
      }),
    ]);
    expect(policy(report, 'ECO-TLS-001').exceptions).toEqual([
      expect.objectContaining({ index: 1, status: 'active', environment: null, waives: 0 }),
    ]);
    expect(report.gate).toMatchObject({ passed: false, violations: 1, staleExceptions: 1 });
    expect(exitCodeOfEvidence(report)).toBe(1);
  });
});
