import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { GENERATED_HEADER } from './lib/manifest-files';

/** Every file below `dir`, relative and sorted, with its bytes. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (current: string) => {
    for (const entry of readdirSync(current).sort()) {
      const path = join(current, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return files;
}

function synth(outdir: string) {
  return spawnSync(process.execPath, [require.resolve('tsx/cli'), 'apps/main.ts'], {
    env: { ...process.env, CDK8S_OUTDIR: outdir },
    encoding: 'utf8',
  });
}

describe('apps/main.ts', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'apps-main-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('writes the same bytes as the committed clusters/ tree, every manifest with the generated header', () => {
    const run = synth(join(scratch, 'clusters'));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^info: wrote .* for 3 environments \(objects: dev \d+, staging \d+, prod \d+\)/);
    const fresh = tree(join(scratch, 'clusters'));
    expect(fresh).toEqual(tree('clusters'));
    for (const [file, text] of fresh) {
      if (file.endsWith('.yaml')) expect(text.startsWith(`${GENERATED_HEADER}\n`)).toBe(true);
    }
    expect(
      [...fresh.keys()].filter(
        (file) => !/^(dev|staging|prod)\/[a-z-]+\/[A-Za-z]+\.([a-z0-9-]+\.)?[a-z0-9-]+\.yaml$/.test(file),
      ),
    ).toEqual(['README.md']);
  });

  it('exits 1 with an error line, touching nothing, when its output folder cannot be created', () => {
    const blocker = join(scratch, 'not-a-directory');
    writeFileSync(blocker, 'x');
    const run = synth(join(blocker, 'clusters'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^error: /);
    expect(readFileSync(blocker, 'utf8')).toBe('x');
  });
});
