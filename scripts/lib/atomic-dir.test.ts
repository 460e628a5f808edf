import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceDirAtomically } from './atomic-dir';

describe('replaceDirAtomically', () => {
  it('replaces the whole directory with what the build wrote', () => {
    const parent = mkdtempSync(join(tmpdir(), 'atomic-'));
    const target = join(parent, 'out');
    mkdirSync(target);
    writeFileSync(join(target, 'old.yaml'), 'old');
    replaceDirAtomically(target, (staging) => writeFileSync(join(staging, 'new.yaml'), 'new'));
    expect(readdirSync(target)).toEqual(['new.yaml']);
    expect(readdirSync(parent)).toEqual(['out']);
    expect(statSync(target).mode & 0o777).toBe(0o755);
  });

  it('leaves the directory as it was and no staging folder behind when the build fails', () => {
    const parent = mkdtempSync(join(tmpdir(), 'atomic-'));
    const target = join(parent, 'out');
    mkdirSync(target);
    writeFileSync(join(target, 'kept.yaml'), 'kept');
    expect(() =>
      replaceDirAtomically(target, (staging) => {
        writeFileSync(join(staging, 'half.yaml'), 'half');
        throw new Error('model invalid');
      }),
    ).toThrow('model invalid');
    expect(readFileSync(join(target, 'kept.yaml'), 'utf8')).toBe('kept');
    expect(readdirSync(parent)).toEqual(['out']);
  });
});
