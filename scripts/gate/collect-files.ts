/**
 * Which files a gate run reads: the paths given (directories walked recursively, in sorted
 * order) or, with none, everything the repository commits for deployment.
 */

import { type Dirent, existsSync, lstatSync, readdirSync, realpathSync, type Stats, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { compareText } from '../core/compare';
import { GateInputError, GateUsageError } from '../core/errors';

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

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Root-relative POSIX form of a path; paths outside the root stay absolute. */
export function displayPath(absolute: string, root: string): string {
  const rel = relative(root, absolute);
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? absolute : rel;
  return shown.split(sep).join('/');
}

/**
 * Files that Terraform or Argo CD would load from a folder, but that the gate cannot judge as
 * they are: HCL (`.tf`), override files that rewrite cdk.tf.json's resources after the fact,
 * variable files, Jsonnet (Argo CD's directory source evaluates it) and a kustomization (Argo CD
 * then builds the folder with kustomize, patches included). Found in a gated folder, they are
 * refused (exit 2) instead of skipped, so nothing deployable passes unread.
 * https://developer.hashicorp.com/terraform/language/files/override
 * https://argo-cd.readthedocs.io/en/stable/user-guide/directory/
 */
export function unjudgeableReason(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.tf')) return 'Terraform HCL, which the gate does not read';
  if (lower === 'override.tf.json' || lower.endsWith('_override.tf.json'))
    return 'a Terraform override file: it rewrites the stack after the gate has judged it';
  if (lower.endsWith('.tf.json') && lower !== 'cdk.tf.json')
    return 'Terraform JSON other than cdk.tf.json: Terraform merges it into the stack';
  if (lower.endsWith('.tfvars') || lower.endsWith('.tfvars.json')) return 'a Terraform variables file';
  if (lower.endsWith('.jsonnet') || lower.endsWith('.libsonnet')) return 'Jsonnet, which Argo CD evaluates';
  if (['kustomization.yaml', 'kustomization.yml', 'kustomization'].includes(lower))
    return 'a kustomization: Argo CD would build this folder with kustomize, patches included';
  return undefined;
}

function refuseUnjudgeable(absolute: string, root: string): void {
  const reason = unjudgeableReason(absolute.split(sep).pop() ?? '');
  if (reason) {
    throw new GateInputError(
      displayPath(absolute, root),
      null,
      `refused: ${reason}. Remove it, or generate its content into the synthesized output the gate reads`,
    );
  }
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

/** Kernel pseudo-filesystems: reading them hangs, leaks host state or never ends. */
const PSEUDO_FILESYSTEMS = ['/proc', '/sys', '/dev'];

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * Where a path really leads, refusing (exit 2, naming the path) a symlink out of the root, a
 * dangling one, and anything under /proc, /sys or /dev. Returns the resolved path and its stat.
 */
function resolveSafely(absolute: string, root: string, realRoot: string): { real: string; stat: Stats } {
  const shown = displayPath(absolute, root);
  let real: string;
  try {
    real = realpathSync(absolute);
  } catch (error) {
    throw new GateInputError(
      shown,
      null,
      `cannot be resolved (${(error as NodeJS.ErrnoException).code}): a dangling symbolic link?`,
    );
  }
  if (PSEUDO_FILESYSTEMS.some((dir) => isInside(real, dir))) {
    throw new GateInputError(
      shown,
      null,
      `leads into ${real.split('/').slice(0, 2).join('/')}: refused, only repository files are gated`,
    );
  }
  if (lstatSync(absolute).isSymbolicLink() && !isInside(real, realRoot)) {
    throw new GateInputError(shown, null, 'is a symbolic link out of the repository root: refused, never followed');
  }
  return { real, stat: statSync(real) };
}

function readDirectory(dir: string, root: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name));
  } catch (error) {
    throw new GateInputError(
      displayPath(dir, root),
      null,
      `folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): fix its permissions or leave it out`,
    );
  }
}

export function collectFiles(paths: readonly string[], root: string): CollectedFiles {
  const found = new Map<string, GatedFile>();
  const skipped: { file: string; reason: string }[] = [];
  const realRoot = existsSync(root) ? realpathSync(root) : root;
  // `absolute` is the resolved path, read later without following links; `file` is what was named.
  const add = (named: string, real: string) => found.set(real, { absolute: real, file: displayPath(named, root) });
  // Real paths of folders already walked: a symlink loop inside the root is walked once.
  const walked = new Set<string>();

  const visit = (named: string, isArgument: boolean): void => {
    const { real, stat } = resolveSafely(named, root, realRoot);
    if (stat.isDirectory()) {
      if (walked.has(real)) return;
      walked.add(real);
      for (const entry of readDirectory(real, root)) {
        const child = join(named, entry.name);
        if (!entry.isDirectory()) refuseUnjudgeable(child, root);
        if (entry.isDirectory() && UNGATED_DIRECTORIES.has(entry.name)) {
          skipped.push({ file: displayPath(child, root), reason: 'tool state folder' });
        } else if (entry.isDirectory() || entry.isSymbolicLink() || isGatedName(entry.name)) {
          visit(child, false);
        } else if (entry.isFile()) {
          skipped.push({ file: displayPath(child, root), reason: `not .yaml/.yml/.json` });
        } else {
          visit(child, false);
        }
      }
      return;
    }
    // A directory's own name never matters; a file Terraform or Argo CD would load unjudged does.
    refuseUnjudgeable(named, root);
    if (!stat.isFile()) {
      throw new GateInputError(
        displayPath(named, root),
        null,
        'is not a regular file (a device, FIFO or socket): refused',
      );
    } else if (isGatedName(named)) {
      add(named, real);
    } else if (isArgument) {
      throw new GateUsageError(
        `"${displayPath(named, root)}" is not a .yaml, .yml or .json file; pass gated files or directories`,
      );
    } else {
      skipped.push({ file: displayPath(named, root), reason: `not .yaml/.yml/.json` });
    }
  };

  for (const path of paths) {
    const absolute = resolve(root, path);
    if (!existsSync(absolute) && !isSymlink(absolute)) throw new GateUsageError(`path "${path}" does not exist`);
    visit(absolute, true);
  }
  const files = [...found.values()].sort((a, b) => compareText(a.file, b.file));
  if (files.length === 0) {
    throw new GateUsageError(
      `no .yaml, .yml or .json file found in ${paths.map((p) => `"${p}"`).join(', ')}: nothing to gate`,
    );
  }
  return { files, skipped };
}
