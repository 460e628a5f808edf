import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Builds a directory's new content in a sibling staging folder, then swaps it in. If `build`
 * throws, the staging folder is removed and `target` is left exactly as it was (DESIGN.md:
 * a synth that fails leaves the committed tree as it was).
 */
export function replaceDirAtomically(target: string, build: (stagingDir: string) => void): void {
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const staging = mkdtempSync(join(parent, `.${basename(target)}.staging-`));
  try {
    // mkdtemp creates 0700; the swapped-in directory should look like any other checked-out folder.
    chmodSync(staging, 0o755);
    build(staging);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  // rename(2) cannot replace a non-empty directory, so the old tree steps aside first; it is
  // restored if the second rename fails.
  const previous = existsSync(target) ? mkdtempSync(join(parent, `.${basename(target)}.previous-`)) : undefined;
  if (previous) {
    rmSync(previous, { recursive: true });
    renameSync(target, previous);
  }
  try {
    renameSync(staging, target);
  } catch (error) {
    if (previous) renameSync(previous, target);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  if (previous) rmSync(previous, { recursive: true, force: true });
}
