import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENVIRONMENT_NAMES } from '../environments';
import { listFiles } from '../scripts/lib/tree-diff';
import { GENERATED_HEADER } from './lib/manifest-files';

/** Every file below `dir`, relative and sorted, with its text. */
function tree(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((file) => [file, readFileSync(join(dir, file), 'utf8')]));
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
    const counts = ENVIRONMENT_NAMES.map((name) => `${name} \\d+`).join(', ');
    expect(run.stdout).toMatch(
      new RegExp(`^info: wrote .* for ${ENVIRONMENT_NAMES.length} environments \\(objects: ${counts}\\)`),
    );
    const fresh = tree(join(scratch, 'clusters'));
    expect(fresh).toEqual(tree('clusters'));
    for (const [file, text] of fresh) {
      if (file.endsWith('.yaml')) expect(text.startsWith(`${GENERATED_HEADER}\n`)).toBe(true);
    }
    expect(
      [...fresh.keys()].filter(
        (file) =>
          !/^[a-z0-9-]+\/[a-z-]+\/[A-Za-z]+\.([a-z0-9-]+\.)?[a-z0-9-]+\.yaml$/.test(file) ||
          !(ENVIRONMENT_NAMES as readonly string[]).includes(file.split('/')[0] ?? ''),
      ),
    ).toEqual(['README.md', 'source-map.json']);
  });

  it('maps every manifest to the TypeScript line that created its object', () => {
    const map = JSON.parse(readFileSync(join(scratch, 'clusters', 'source-map.json'), 'utf8'));
    const manifests = [...tree(join(scratch, 'clusters')).keys()].filter((file) => file.endsWith('.yaml'));
    expect(Object.keys(map.files).sort()).toEqual(manifests.sort());
    expect(map.files['prod/backend/Deployment.backend.yaml']).toEqual({
      'Deployment/ecolaura/backend': {
        construct: 'backend/backend/deployment/Resource',
        file: 'apps/lib/web-service.ts',
        line: expect.any(Number),
      },
    });
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
