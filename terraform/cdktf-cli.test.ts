import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { listFiles } from '../scripts/lib/tree-diff';
import { DEFAULT_OUTDIR, synthesizePlatform } from './main';

const ROOT = resolve(__dirname, '..');

function filesUnder(root: string): Record<string, string> {
  return Object.fromEntries(listFiles(root).map((file) => [file, readFileSync(join(root, file), 'utf8')]));
}

describe('cdktf.json', () => {
  const config = JSON.parse(readFileSync(join(ROOT, 'cdktf.json'), 'utf8'));

  it('runs the same app and writes to the same place as npm run synth', () => {
    expect(config.app).toBe('npx tsx terraform/main.ts');
    expect(config.output).toBe(DEFAULT_OUTDIR);
    expect(config.language).toBe('typescript');
  });

  it('lets `npx cdktf synth` write byte for byte what terraform/main.ts writes', () => {
    const scratch = mkdtempSync(join(tmpdir(), 'ecolaura-cdktf-cli-'));
    try {
      const cli = spawnSync(
        process.execPath,
        [require.resolve('cdktf-cli/bundle/bin/cdktf'), 'synth', '--output', join(scratch, 'cli')],
        { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1', CI: 'true' } },
      );
      expect([cli.status, cli.stderr]).toEqual([0, expect.any(String)]);
      synthesizePlatform(join(scratch, 'main'));
      expect(filesUnder(join(scratch, 'cli'))).toEqual(filesUnder(join(scratch, 'main')));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
});
