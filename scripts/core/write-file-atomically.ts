import { randomBytes } from 'node:crypto';
import { closeSync, constants, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes through a sibling temporary file and a rename, so a reader (a CI upload step, an
 * editor) sees either the previous report or the whole new one, never half of it. The temporary
 * file has an unpredictable name and is created exclusively without following links
 * (O_CREAT|O_EXCL|O_NOFOLLOW): a symlink planted where it will be written is never written
 * through, and rename(2) replaces a symlink at the destination instead of following it.
 */
export function writeFileAtomically(file: string, content: string | Buffer): void {
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true });
  const temporary = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;
  let fd: number | undefined;
  try {
    fd = openSync(temporary, flags, 0o644);
    writeSync(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    // Only our own temporary file is removed; an EEXIST means it was never ours.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(temporary, { force: true });
    throw error;
  }
}
