import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFromTarGz } from './opa-tar';

describe('readFromTarGz', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'opa-tar-'));
    writeFileSync(join(dir, 'data.json'), '{}');
    writeFileSync(join(dir, 'policy.wasm'), Buffer.alloc(1500, 7));
    const tar = spawnSync('tar', ['czf', join(dir, 'bundle.tar.gz'), '-C', dir, 'data.json', 'policy.wasm']);
    if (tar.status !== 0) throw new Error(String(tar.stderr));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the bytes of a member past a preceding one, with or without a leading slash', () => {
    const archive = readFileSync(join(dir, 'bundle.tar.gz'));
    expect(readFromTarGz(archive, '/policy.wasm')).toEqual(Buffer.alloc(1500, 7));
    expect(readFromTarGz(archive, 'data.json')?.toString()).toBe('{}');
  });

  it('returns undefined for a member the archive does not hold', () => {
    expect(readFromTarGz(readFileSync(join(dir, 'bundle.tar.gz')), '/plan.json')).toBeUndefined();
  });
});
