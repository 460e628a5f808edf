import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './core/repo-root';

/** A copy of what the tools' bundle is built from, with the repository's node_modules. */
let clone: string;
beforeAll(() => {
  clone = mkdtempSync(join(tmpdir(), 'run-tools-'));
  for (const entry of ['scripts', 'environments', 'apps', 'package.json', 'tsconfig.json']) {
    cpSync(join(REPO_ROOT, entry), join(clone, entry), { recursive: true });
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(clone, 'node_modules'));
});
afterAll(() => rmSync(clone, { recursive: true, force: true }));

const BUNDLE = () => join(clone, '.cache', 'tools', 'tools.cjs');

function lifecycleHelp() {
  return spawnSync(process.execPath, [join(clone, 'scripts', 'run-tools.js'), 'lifecycle', '--help'], {
    cwd: clone,
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('scripts/run-tools.js, the launcher of every npm script', () => {
  it('builds the bundle on a fresh clone, reuses it while no source changes, and rebuilds it when one does', () => {
    const first = lifecycleHelp();
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('List every pinned version');
    const built = statSync(BUNDLE()).mtimeMs;

    expect(lifecycleHelp().status).toBe(0);
    expect(statSync(BUNDLE()).mtimeMs).toBe(built);

    const command = join(clone, 'scripts', 'commands', 'lifecycle.ts');
    writeFileSync(
      command,
      readFileSync(command, 'utf8').replace('List every pinned version', 'List each pinned version'),
    );
    const edited = lifecycleHelp();
    expect(edited.status).toBe(0);
    expect(edited.stdout).toContain('List each pinned version');
  });
});
