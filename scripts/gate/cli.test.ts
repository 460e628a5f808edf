import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGateCli } from './testing/run-gate-cli';
import { REPO_ROOT } from './testing/synthesized-copy';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gate-cli-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\n';

describe('the gate CLI fails closed with exit 2', () => {
  it('on garbage input, naming the file and line', () => {
    writeFileSync(
      join(dir, 'garbage.yaml'),
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n}{ not yaml ]\n',
    );
    const run = runGateCli(['garbage.yaml'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: garbage\.yaml:5: cannot parse/m);
    expect(run.stderr).toContain('error: gate aborted: no verdict (exit 2)');
    expect(run.stdout).toBe('');
  });

  it('on a document of unknown kind', () => {
    writeFileSync(join(dir, 'values.json'), '{"replicaCount": 2}');
    const run = runGateCli(['values.json'], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error: values.json:1: unknown document');
  });

  it('on a missing policy bundle', () => {
    writeFileSync(join(dir, 'deployment.yaml'), DEPLOYMENT);
    const run = runGateCli(['deployment.yaml', '--bundle', join(dir, 'no-bundle')], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/error: policy bundle incomplete: .*policy\.wasm is missing; run npm run policy:build/);
  });

  it('on a corrupt policy bundle, naming the file that does not match its manifest', () => {
    writeFileSync(join(dir, 'deployment.yaml'), DEPLOYMENT);
    const bundle = join(dir, 'bundle');
    cpSync(join(REPO_ROOT, 'policies', 'bundle'), bundle, { recursive: true });
    const wasm = readFileSync(join(bundle, 'policy.wasm'));
    wasm[wasm.length - 1] = (wasm[wasm.length - 1] ?? 0) ^ 0xff;
    writeFileSync(join(bundle, 'policy.wasm'), wasm);
    const run = runGateCli(['deployment.yaml', '--bundle', bundle], dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/error: .*policy\.wasm does not match .*manifest\.json .*the bundle is corrupt/);
  });

  it('on bad usage: unknown option, unknown format, bad --today, missing path', () => {
    writeFileSync(join(dir, 'deployment.yaml'), DEPLOYMENT);
    expect(runGateCli(['--frobnicate'], dir).status).toBe(2);
    expect(runGateCli(['--format', 'xml', 'deployment.yaml'], dir).stderr).toMatch(
      /error: option .*--format.* argument 'xml' is invalid/,
    );
    expect(runGateCli(['--today', '2026-02-30', 'deployment.yaml'], dir)).toEqual({
      status: 2,
      stdout: '',
      stderr: `error: option '--today <date>' argument '2026-02-30' is invalid. "2026-02-30" is not a date written YYYY-MM-DD. (see --help)\n`,
    });
    const missing = runGateCli(['nowhere/'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('error: path "nowhere/" does not exist');
  });

  it('prints help and exits 0', () => {
    const run = runGateCli(['--help'], dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--format <format>');
  });
});
