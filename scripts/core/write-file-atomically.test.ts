import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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

describe('writeFileAtomically and planted symlinks', () => {
  it('replaces a symlink planted at the output path instead of writing through it', () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'must stay');
    const output = join(dir, 'gate.md');
    symlinkSync(victim, output);
    writeFileAtomically(output, 'report');
    expect(readFileSync(victim, 'utf8')).toBe('must stay');
    expect(lstatSync(output).isSymbolicLink()).toBe(false);
    expect(readFileSync(output, 'utf8')).toBe('report');
  });

  it('never writes through a symlink planted at an old-style predictable temporary name', () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'must stay');
    // The name the writer used before (`.<name>.<pid>.tmp`) is now unpredictable and exclusive.
    symlinkSync(victim, join(dir, `.gate.md.${process.pid}.tmp`));
    writeFileAtomically(join(dir, 'gate.md'), 'report');
    expect(readFileSync(victim, 'utf8')).toBe('must stay');
    expect(readFileSync(join(dir, 'gate.md'), 'utf8')).toBe('report');
  });
});
