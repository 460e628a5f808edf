/**
 * Which files a gate run reads: the paths given (directories walked recursively, in sorted
 * order) or, with none, everything the repository commits for deployment.
 */

import { existsSync, readdirSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { compareText } from './compare';
import { GateInputError, GateUsageError } from './errors';

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

export function collectFiles(paths: readonly string[], root: string): CollectedFiles {
  const found = new Map<string, GatedFile>();
  const skipped: { file: string; reason: string }[] = [];
  const add = (absolute: string) => found.set(absolute, { absolute, file: displayPath(absolute, root) });

  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => compareText(a.name, b.name))) {
      const absolute = join(dir, entry.name);
      if (!entry.isDirectory()) refuseUnjudgeable(absolute, root);
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
      continue;
    }
    refuseUnjudgeable(absolute, root);
    if (isGatedName(absolute)) add(absolute);
    else throw new GateUsageError(`"${path}" is not a .yaml, .yml or .json file; pass gated files or directories`);
  }
  const files = [...found.values()].sort((a, b) => compareText(a.file, b.file));
  if (files.length === 0) {
    throw new GateUsageError(
      `no .yaml, .yml or .json file found in ${paths.map((p) => `"${p}"`).join(', ')}: nothing to gate`,
    );
  }
  return { files, skipped };
}
