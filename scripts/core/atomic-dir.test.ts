import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DirLockedError, lockDir, recoverInterruptedReplace, replaceDirAtomically } from './atomic-dir';

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

describe('replaceDirAtomically under SIGKILL', () => {
  const CHILD = join(__dirname, 'testing', 'replace-dir-child.ts');
  const TSX = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
  let parent: string;
  let target: string;

  beforeEach(() => {
    parent = mkdtempSync(join(tmpdir(), 'atomic-kill-'));
    target = join(parent, 'clusters');
    mkdirSync(target);
    for (const index of [1, 2, 3]) writeFileSync(join(target, `file-${index}.yaml`), `old ${index}\n`);
  });
  afterEach(() => rmSync(parent, { recursive: true, force: true }));

  function runChild(killAt: string): SpawnSyncReturns<string> {
    return spawnSync(TSX, [CHILD, target, '5', killAt], { encoding: 'utf8', timeout: 60_000 });
  }

  const OLD = { 'file-1.yaml': 'old 1\n', 'file-2.yaml': 'old 2\n', 'file-3.yaml': 'old 3\n' };
  const NEW = Object.fromEntries([1, 2, 3, 4, 5].map((index) => [`file-${index}.yaml`, `new ${index}\n`]));
  const tree = (dir: string): Record<string, string> =>
    Object.fromEntries(readdirSync(dir).map((file) => [file, readFileSync(join(dir, file), 'utf8')]));

  it.each([
    ['while writing the new tree', 'file:3', OLD],
    ['after the old tree stepped aside, before the new one took its place', 'rename:1', OLD],
    ['after the new tree took its place, before the old one was deleted', 'rename:2', NEW],
  ])(
    'killed %s, the next run finds the old or the new tree whole, cleans up and takes the stale lock',
    (_moment, killAt, expected) => {
      const killed = runChild(killAt);
      // tsx runs the script in a child node and reports its SIGKILL as 128 + 9.
      expect(killed.signal ?? killed.status).toBe(137);
      // What the kill left: a lock of a dead process, and staging or .previous folders.
      expect(readdirSync(parent)).toContain('.clusters.lock');
      recoverInterruptedReplace(target);
      expect(tree(target)).toEqual(expected);

      const next = runChild('never');
      expect(next.stdout).toBe('done\n');
      expect(tree(target)).toEqual(NEW);
      expect(readdirSync(parent)).toEqual(['clusters']);
    },
  );

  it('serializes concurrent replaces of one target with the lock: each swap completes whole', async () => {
    const runs = await Promise.all(
      [1, 2, 3].map(
        () =>
          new Promise<string>((resolve) => {
            const child = spawn(TSX, [CHILD, target, '5', 'never']);
            let out = '';
            child.stdout.on('data', (chunk: Buffer) => {
              out += chunk.toString();
            });
            child.on('close', () => resolve(out));
          }),
      ),
    );
    expect(runs).toEqual(['done\n', 'done\n', 'done\n']);
    expect(tree(target)).toEqual(NEW);
    expect(readdirSync(parent)).toEqual(['clusters']);
  });

  it('waits for a live holder of the lock and names it when the wait times out', () => {
    writeFileSync(join(parent, '.clusters.lock'), `${process.pid}\n`);
    expect(() => lockDir(target, 200)).toThrow(
      new DirLockedError(
        `${join(parent, '.clusters.lock')} is held by process ${process.pid} (another synth of clusters/ still running); wait for it or stop it`,
      ),
    );
  });
});
