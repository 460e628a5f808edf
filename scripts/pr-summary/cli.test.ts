import { appendFileSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTool } from '../core/testing/run-tool';
import { freshSynthInto, REPO_ROOT } from '../lib/testing/fresh-synth';
import { commitAll, tempGitRepo } from './testing/temp-git-repo';

function summarize(args: readonly string[]) {
  return runTool('pr:summary', ['--today', '2026-11-25', ...args], { cwd: REPO_ROOT });
}

// A repository holding a fresh synth of this one's sources, committed: in sync and policy-clean
// whatever state the shared checkout is in, and free to break.
describe('npm run pr:summary', () => {
  let root: string;

  beforeAll(async () => {
    root = tempGitRepo('pr-summary-cli-');
    await freshSynthInto(root);
    commitAll(root, 'synthesized output');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('never calls an in-sync, policy-clean tree ready while its plans are missing (exit 1), and writes identical bytes on identical runs', () => {
    const first = summarize(['--root', root, '--base', 'HEAD']);
    const second = summarize(['--root', root, '--base', 'HEAD']);

    expect(first.status).toBe(1);
    expect(first.stdout.split('\n')[0]).toBe(
      '## ❌ Needs attention: not planned: dev, staging, prod (run `npm run tf:check`)',
    );
    expect(first.stdout).toContain('No stack changed: nothing to plan.');
    expect(first.stdout).toContain('No generated file changed.');
    expect(first.stdout).toContain('| prod | – | – | – | – | – | not planned: run `npm run tf:check` |');
    expect(first.stdout).toContain('### Policy gate: ✅ passed');
    expect(second.stdout).toBe(first.stdout);
    expect(first.stderr).toMatch(/^info: gate: .* \(\d+\.\d\d s\)$/m);
    expect(first.stderr).toMatch(/^info: drift: 0 files out of sync/m);
    expect(first.stderr.trimEnd().split('\n').at(-1)).toMatch(/^error: pr:summary: Needs attention: not planned/);
  });

  it('writes Markdown, HTML and JSON from one run', () => {
    const dir = join(root, 'reports');
    const run = summarize([
      '--root',
      root,
      '--base',
      'HEAD',
      '--markdown',
      join(dir, 's.md'),
      '--html',
      join(dir, 's.html'),
      '--json',
      join(dir, 's.json'),
    ]);
    expect(run.status).toBe(1);
    expect(readFileSync(join(dir, 's.md'), 'utf8')).toBe(run.stdout);
    expect(readFileSync(join(dir, 's.html'), 'utf8')).toContain('<!DOCTYPE html>');
    const json = JSON.parse(readFileSync(join(dir, 's.json'), 'utf8'));
    expect(json.verdict.ready).toBe(false);
    expect(json.environments).toEqual([]);
    expect(run.stderr.match(/^info: gate: /gm)).toHaveLength(1);
  });

  it('exits 2 without writing anything when --base names no commit', () => {
    const run = summarize(['--root', root, '--base', 'origin/no-such-branch']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('error: --base "origin/no-such-branch" names no commit');
  });

  it('exits 2 on bad usage', () => {
    expect(summarize(['--format', 'pdf']).status).toBe(2);
    expect(summarize(['stray-argument']).status).toBe(2);
  });

  it('exits 1 for a hand-edited manifest, listing it as drift and as a changed object (HTML, written atomically)', () => {
    appendFileSync(join(root, 'clusters/prod/backend/Service.backend.yaml'), '# edited by hand\n');
    const output = join(root, 'reports', 'pr-summary.html');

    const run = summarize(['--root', root, '--base', 'HEAD', '--format', 'html', '--output', output]);

    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const page = readFileSync(output, 'utf8');
    expect(page).toContain('<li>changed: <code>clusters/prod/backend/Service.backend.yaml</code></li>');
    expect(page).toContain('<li>changed: <code>backend/Service.backend</code></li>');
    expect(page).toContain('Needs attention: 1 generated file out of sync with a fresh synth');
    expect(run.stderr).toContain(`info: wrote the html summary to ${output}`);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toMatch(/^error: pr:summary: Needs attention: /);
  });
});
