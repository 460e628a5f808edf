import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ToolError } from './errors';

/**
 * Directory replacement that survives SIGKILL at any moment (DESIGN.md: a synth that fails leaves
 * the committed tree as it was). The new tree is built in a sibling staging folder; then the old
 * tree steps aside under a fixed name (`.<name>.previous`) and the staging folder takes its place.
 * Node has no renameat2(RENAME_EXCHANGE), so between those two renames the target is briefly
 * absent: a run killed exactly there leaves the complete old tree in `.<name>.previous`, and the
 * next run (any replace of the same target, or `recoverInterruptedReplace`) puts it back before
 * doing anything else. Leftover staging folders are removed the same way. Concurrent replaces of
 * one target are serialized by an O_EXCL lock file holding the owner's pid; a lock whose process
 * is gone is stale and taken over. The leftovers' names are git-ignored (`.gitignore`).
 */

/** How long a replace waits for another process holding the lock before giving up. */
const LOCK_TIMEOUT_MS = 10 * 60 * 1000;
const LOCK_POLL_MS = 100;

function names(target: string) {
  const parent = dirname(target);
  const name = basename(target);
  return {
    parent,
    lock: join(parent, `.${name}.lock`),
    previous: join(parent, `.${name}.previous`),
    stagingPrefix: `.${name}.staging-`,
  };
}

/** Thrown when the lock stays held by a live process for longer than the timeout. */
export class DirLockedError extends ToolError {
  override readonly name = 'DirLockedError';
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

function holderOf(lock: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lock, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the target's lock (waiting for a live holder, taking over a dead one's); returns a release function. */
export function lockDir(target: string, timeoutMs = LOCK_TIMEOUT_MS): () => void {
  const { parent, lock } = names(target);
  mkdirSync(parent, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(lock, 'wx', 0o644);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = holderOf(lock);
    if (holder === undefined || !isAlive(holder)) {
      // A killed run's lock (or one being written this instant: an empty file is given a moment).
      if (holder === undefined) sleep(LOCK_POLL_MS);
      if (holderOf(lock) === holder) {
        try {
          unlinkSync(lock);
        } catch {
          // Another process took the stale lock over first; try again.
        }
      }
      continue;
    }
    if (Date.now() > deadline) {
      throw new DirLockedError(
        `${lock} is held by process ${holder} (another synth of ${basename(target)}/ still running); wait for it or stop it`,
      );
    }
    sleep(LOCK_POLL_MS);
  }
}

/**
 * Repairs what a killed replace left: the old tree back in place if the target is missing, then
 * no `.previous` or staging folders. Call with the lock held.
 */
export function recoverInterruptedReplace(target: string): void {
  const { parent, previous, stagingPrefix } = names(target);
  if (!existsSync(parent)) return;
  if (existsSync(previous)) {
    if (existsSync(target)) rmSync(previous, { recursive: true, force: true });
    else renameSync(previous, target);
  }
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(stagingPrefix)) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

/**
 * Builds a directory's new content in a sibling staging folder, then swaps it in. If `build`
 * throws, the staging folder is removed and `target` is left exactly as it was.
 */
export function replaceDirAtomically(target: string, build: (stagingDir: string) => void): void {
  const { parent, previous, stagingPrefix } = names(target);
  mkdirSync(parent, { recursive: true });
  const release = lockDir(target);
  try {
    recoverInterruptedReplace(target);
    const staging = mkdtempSync(join(parent, stagingPrefix));
    try {
      // mkdtemp creates 0700; the swapped-in directory should look like any other checked-out folder.
      chmodSync(staging, 0o755);
      build(staging);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
    // rename(2) cannot replace a non-empty directory, so the old tree steps aside first, under a
    // name the next run recognises; it is restored at once if the second rename fails.
    const hadTarget = existsSync(target);
    if (hadTarget) renameSync(target, previous);
    try {
      renameSync(staging, target);
    } catch (error) {
      if (hadTarget) renameSync(previous, target);
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
    if (hadTarget) rmSync(previous, { recursive: true, force: true });
  } finally {
    release();
  }
}
