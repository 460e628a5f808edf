import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomically } from './write-file-atomically';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gate-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomically', () => {
  it('replaces the file whole, creating missing folders, leaving no temporary file behind', () => {
    const file = join(dir, 'reports', 'gate.sarif');
    writeFileAtomically(file, 'first');
    writeFileAtomically(file, 'second');
    expect(readFileSync(file, 'utf8')).toBe('second');
    expect(readdirSync(join(dir, 'reports'))).toEqual(['gate.sarif']);
  });

  it('leaves the previous content when the write fails', () => {
    const file = join(dir, 'report.txt');
    writeFileSync(file, 'previous');
    expect(() => writeFileAtomically(join(file, 'inside-a-file'), 'x')).toThrow();
    expect(readFileSync(file, 'utf8')).toBe('previous');
  });
});
