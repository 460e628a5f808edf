import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGateCli } from '../gate/testing/run-gate-cli';

const TODAY = '2026-11-25';
/** A Deployment that breaks several policies, so every format has findings to render. */
const DEPLOYMENT = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\n';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'gate-formats-'));
  writeFileSync(join(dir, 'deployment.yaml'), DEPLOYMENT);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function gate(args: readonly string[]) {
  return runGateCli(['deployment.yaml', '--today', TODAY, ...args], dir);
}

describe('gate: evaluate once, render many', () => {
  it('writes each --format to its --output and the one left over to stdout, byte-identical to single runs', () => {
    const many = gate([
      '--format',
      'sarif',
      '--output',
      'many.sarif',
      '--format',
      'html',
      '--output',
      'many.html',
      '--format',
      'json',
    ]);
    expect(many.status).toBe(1);
    // One evaluation: the step-timing line is printed once.
    expect(many.stderr.match(/^info: \d+ files, \d+ resources: collect/gm)).toHaveLength(1);
    expect(many.stderr).toContain('info: wrote sarif report to many.sarif');
    expect(many.stderr).toContain('info: wrote html report to many.html');
    expect(many.stderr.match(/^error: gate failed: /gm)).toHaveLength(1);

    expect(many.stdout).toBe(gate(['--format', 'json']).stdout);
    expect(gate(['--format', 'sarif', '--output', 'one.sarif']).status).toBe(1);
    expect(gate(['--output', 'one.html', '--format', 'html']).status).toBe(1);
    expect(readFileSync(join(dir, 'many.sarif'), 'utf8')).toBe(readFileSync(join(dir, 'one.sarif'), 'utf8'));
    expect(readFileSync(join(dir, 'many.html'), 'utf8')).toBe(readFileSync(join(dir, 'one.html'), 'utf8'));
  });

  it('writes text to --output when no --format is given, as before', () => {
    const run = gate(['--output', 'report.txt']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(readFileSync(join(dir, 'report.txt'), 'utf8')).toBe(gate([]).stdout);
  });

  it.each([
    [['--format', 'json', '--format', 'text'], 'error: only one report can go to stdout'],
    [['--format', 'json', '--output', 'a.json', '--output', 'b.json'], 'error: 2 --output files for 1 --format'],
    [['--format', 'json', '--output', 'a', '--format', 'html', '--output', 'a'], 'error: the same --output file'],
  ])('refuses %j with exit 2 before evaluating', (args, message) => {
    const run = gate(args);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('resources: collect');
    expect(run.stdout).toBe('');
  });
});
