import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** How a freshly synthesized tree differs from the committed one, as repo-relative paths. */
export interface TreeDiff {
  /** In the fresh synth but not committed. */
  readonly missing: readonly string[];
  /** Committed but no longer synthesized. */
  readonly stale: readonly string[];
  /** In both, with different bytes. */
  readonly changed: readonly string[];
}

/** Every file below `root`, relative to it with `/` separators, sorted. */
export function listFiles(root: string): string[] {
  if (!existsSync(root)) return [];
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.push(relative(root, path).split(sep).join('/'));
    }
  };
  walk(root);
  return files.sort();
}

/** Compares `fresh` against `committed`; `label` prefixes every reported path. */
export function diffTrees(committed: string, fresh: string, label: string): TreeDiff {
  const before = new Set(listFiles(committed));
  const after = new Set(listFiles(fresh));
  const name = (file: string) => `${label}/${file}`;
  return {
    missing: [...after].filter((f) => !before.has(f)).map(name),
    stale: [...before].filter((f) => !after.has(f)).map(name),
    changed: [...after]
      .filter((f) => before.has(f) && !readFileSync(join(committed, f)).equals(readFileSync(join(fresh, f))))
      .map(name),
  };
}
