/**
 * A gate run end to end with the real bundle, on a small tree: an Ingress that serves its host
 * over plain HTTP, and exceptions that waive it, have expired, or match nothing.
 */

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitCodeOf, runGate } from './run-gate';
import { runGateCli } from './testing/run-gate-cli';
import { REPO_ROOT } from './testing/synthesized-copy';

const BUNDLE = join(REPO_ROOT, 'policies', 'bundle');
const INGRESS = `# an Ingress answering over plain HTTP
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
  namespace: ecolaura
  annotations:
    nginx.ingress.kubernetes.io/force-ssl-redirect: "true"
spec:
  ingressClassName: nginx
  rules:
    - host: shop.ecolaura.eu
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: shop
                port:
                  number: 80
`;

let root: string;

function exceptionsFile(entries: string): string {
  const file = join(root, 'exceptions.yaml');
  writeFileSync(file, `exceptions:\n${entries}`);
  return file;
}

const WAIVER = `  - policy: ECO-TLS-001
    resource: "Ingress/ecolaura/*"
    environment: dev
    justification: the shop is reached through the internal VPN only until its certificate is issued
    owner: shop-team
    expires: 2027-01-31
`;

function gate(exceptions: string, today = '2027-01-31') {
  return runGate({ paths: ['clusters'], root, bundleDir: BUNDLE, exceptionsFile: exceptionsFile(exceptions), today });
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gate-run-'));
  mkdirSync(join(root, 'clusters', 'dev', 'shop'), { recursive: true });
  writeFileSync(join(root, 'clusters', 'dev', 'shop', 'Ingress.shop.yaml'), INGRESS);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('runGate', () => {
  it('fails on the violation, pointing at the object line in its file', async () => {
    const report = await gate('');
    expect(exitCodeOf(report)).toBe(1);
    expect(report.findings.filter((f) => f.policy === 'ECO-TLS-001')).toEqual([
      expect.objectContaining({
        file: 'clusters/dev/shop/Ingress.shop.yaml',
        line: 2,
        resource: 'Ingress/ecolaura/shop',
        environment: 'dev',
        waived: false,
      }),
    ]);
  });

  it('passes when an unexpired exception waives the violation, reporting it as waived', async () => {
    const report = await gate(WAIVER);
    const tls = report.findings.filter((f) => f.policy === 'ECO-TLS-001');
    expect(tls).toEqual([
      expect.objectContaining({ waived: true, exception: expect.objectContaining({ owner: 'shop-team' }) }),
    ]);
    expect(report.findings.filter((f) => !f.waived)).toEqual([]);
    expect(exitCodeOf(report)).toBe(0);
  });

  it('fails again the day after the exception expires, saying so', async () => {
    const report = await gate(WAIVER, '2027-02-01');
    expect(exitCodeOf(report)).toBe(1);
    expect(report.findings.find((f) => f.policy === 'ECO-TLS-001')).toMatchObject({
      waived: false,
      exception: { index: 0, expired: true },
    });
  });

  it('does not let an exception for another environment waive the violation', async () => {
    const report = await gate(WAIVER.replace('environment: dev', 'environment: prod'));
    expect(exitCodeOf(report)).toBe(1);
    expect(report.stale.map((x) => x.index)).toEqual([0]);
  });
});

describe('the gate CLI end to end', () => {
  it('writes the JSON report atomically with --output and exits 1, summary on stderr', () => {
    const run = runGateCli(
      ['clusters', '--format', 'json', '--output', 'reports/gate.json', '--exceptions', exceptionsFile('')],
      root,
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('info: wrote json report to reports/gate.json');
    expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(/^error: gate failed: [1-9]/);
    const findings = JSON.parse(readFileSync(join(root, 'reports', 'gate.json'), 'utf8')) as {
      policy: string;
      waived: boolean;
    }[];
    expect(findings).toContainEqual(expect.objectContaining({ policy: 'ECO-TLS-001', line: 2, waived: false }));
  });

  it('exits 0 with the violation waived, and lists it under WAIVED', () => {
    const run = runGateCli(['clusters', '--today', '2027-01-01', '--exceptions', exceptionsFile(WAIVER)], root);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^WAIVED \(1\)\n {2}ECO-TLS-001 {2}clusters\/dev\/shop\/Ingress\.shop\.yaml:2 {2}Ingress\/ecolaura\/shop\n/,
    );
    expect(run.stdout).toContain('waived by exception #0');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^info: gate passed: 0 violations .*, 1 waived, 0 stale exceptions/,
    );
  });

  it('exits 2 naming the entry and field of an invalid exception', () => {
    const run = runGateCli(['clusters', '--exceptions', exceptionsFile(WAIVER.replace('2027-01-31', 'soon'))], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('entry 0 field "expires": "soon" is not a date written YYYY-MM-DD');
  });
});
