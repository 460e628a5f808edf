import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../core/repo-root';
import { runTool } from '../core/testing/run-tool';
import { TEST_STEPS } from './checks';

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A project whose npm scripts are the steps, each leaving a mark; `failing` exits with `code`. */
function project(failing?: { script: string; code: number }): string {
  const dir = mkdtempSync(join(tmpdir(), 'checks-'));
  scratch.push(dir);
  const scripts = Object.fromEntries(
    TEST_STEPS.map(({ script }) => [
      script,
      `node -e "require('fs').writeFileSync('ran-${script.replace(':', '-')}', '')${script === failing?.script ? `; process.exit(${failing.code})` : ''}"`,
    ]),
  );
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'checks-fixture', private: true, scripts }));
  return dir;
}

const ran = (dir: string, script: string) => existsSync(join(dir, `ran-${script.replace(':', '-')}`));

describe('npm run checks, the body of npm test', () => {
  it('runs the cheap checks first: lint, types, drift, manifests, bundle, plans, gate, then Jest', () => {
    expect(TEST_STEPS.map((step) => step.script)).toEqual([
      'lint',
      'typecheck',
      'drift',
      'validate:manifests',
      'policy:verify',
      'tf:check',
      'gate',
      'unit',
    ]);
    const scripts = (
      JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(TEST_STEPS.filter((step) => scripts[step.script] === undefined)).toEqual([]);
    expect(scripts.test).toBe('npm run check:install && npm run checks');
  });

  it('stops at the first failing step, runs nothing after it, and names its exit code and fix last', () => {
    const dir = project({ script: 'typecheck', code: 1 });
    const run = runTool('checks', [], { cwd: dir });
    expect(run.status).toBe(1);
    expect(TEST_STEPS.filter((step) => ran(dir, step.script)).map((step) => step.script)).toEqual([
      'lint',
      'typecheck',
    ]);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(
      `error: npm test stopped at typecheck (exit 1); fix: ${TEST_STEPS.find((s) => s.script === 'typecheck')?.fix}`,
    );
  });

  it('ends with exit 2 when a step could not judge, and says drift is fixed by a synth', () => {
    const dir = project({ script: 'drift', code: 2 });
    const run = runTool('checks', [], { cwd: dir });
    expect(run.status).toBe(2);
    expect(ran(dir, 'validate:manifests')).toBe(false);
    expect(run.stderr).toContain(
      'error: npm test stopped at drift (exit 2); fix: run `npm run synth` and commit the generated files',
    );
  });

  it('runs every step when all pass and closes with their timings', () => {
    const dir = project();
    const run = runTool('checks', [], { cwd: dir });
    expect(run.status).toBe(0);
    expect(TEST_STEPS.every((step) => ran(dir, step.script))).toBe(true);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(
      /^info: npm test passed: lint \d+\.\d s, .*unit \d+\.\d s; /,
    );
  });
});
