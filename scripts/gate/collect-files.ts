/**
 * Which files a gate run reads: the paths given (directories walked recursively, in sorted
 * order) or, with none, everything the repository commits for deployment.
 */

import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { compareText } from './compare';
import { GateUsageError } from './errors';

export const GATED_EXTENSIONS = ['.yaml', '.yml', '.json'] as const;

/** Folders that hold tool state, never deployable documents. */
const UNGATED_DIRECTORIES = new Set(['.git', 'node_modules', '.terraform']);

export interface GatedFile {
  /** Absolute path, for reading. */
  readonly absolute: string;
  /** Root-relative POSIX path, for reports and environment detection. */
  readonly file: string;
}

export interface CollectedFiles {
  readonly files: readonly GatedFile[];
  /** Root-relative paths passed over inside walked directories, with the reason (shown by --verbose). */
  readonly skipped: readonly { readonly file: string; readonly reason: string }[];
}

/** Root-relative POSIX form of a path; paths outside the root stay absolute. */
export function displayPath(absolute: string, root: string): string {
  const rel = relative(root, absolute);
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
  return shown.split(sep).join('/');
}

function isGatedName(name: string): boolean {
  return (GATED_EXTENSIONS as readonly string[]).includes(extname(name).toLowerCase());
}

/** `<dir>/<child>/<name>` for every child folder of `dir` that holds such a file, sorted. */
function childFiles(dir: string, name: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort(compareText)
    .map((child) => join(dir, child, name))
    .filter((file) => existsSync(file));
}

/** The default targets: every stack's Terraform JSON, all of clusters/, and saved plans when present. */
export function defaultPaths(root: string): string[] {
  const stackFiles = childFiles(join(root, 'terraform', 'cdktf.out', 'stacks'), 'cdk.tf.json');
  if (stackFiles.length === 0) {
    throw new GateUsageError(
      'no paths given and no terraform/cdktf.out/stacks/*/cdk.tf.json exists: run npm run synth first',
    );
  }
  const clustersDir = join(root, 'clusters');
  if (!existsSync(clustersDir)) {
    throw new GateUsageError('no paths given and clusters/ does not exist: run npm run synth first');
  }
  return [...stackFiles, clustersDir, ...childFiles(join(root, '.tfcheck'), 'plan.json')];
}

export function collectFiles(paths: readonly string[], root: string): CollectedFiles {
  const found = new Map<string, GatedFile>();
  const skipped: { file: string; reason: string }[] = [];
  const add = (absolute: string) => found.set(absolute, { absolute, file: displayPath(absolute, root) });

  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name))) {
      const absolute = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (UNGATED_DIRECTORIES.has(entry.name))
          skipped.push({ file: displayPath(absolute, root), reason: 'tool state folder' });
        else walk(absolute);
      } else if (isGatedName(entry.name)) {
        add(absolute);
      } else {
        skipped.push({ file: displayPath(absolute, root), reason: `not .yaml/.yml/.json` });
      }
    }
  };

  for (const path of paths) {
    const absolute = resolve(root, path);
    if (!existsSync(absolute)) throw new GateUsageError(`path "${path}" does not exist`);
    if (statSync(absolute).isDirectory()) {
      walk(absolute);
    } else if (isGatedName(absolute)) {
      add(absolute);
    } else {
      throw new GateUsageError(`"${path}" is not a .yaml, .yml or .json file; pass gated files or directories`);
    }
  }
  const files = [...found.values()].sort((a, b) => compareText(a.file, b.file));
  if (files.length === 0) {
    throw new GateUsageError(
      `no .yaml, .yml or .json file found in ${paths.map((p) => `"${p}"`).join(', ')}: nothing to gate`,
    );
  }
  return { files, skipped };
}
