/**
 * What a pull request does to each environment's committed output, compared with a base commit:
 * its stack's Terraform resources and its Kubernetes objects (one file per object,
 * `clusters/<env>/<app>/<Kind>.<name>.yaml`), added, removed or changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENVIRONMENT_NAMES } from '../../environments/model';
import { compareText } from '../core/compare';
import { SummaryInputError } from './errors';
import { type BaseCommit, changedGeneratedFiles, type FileChange, type FileStatus, fileAtCommit } from './git';
import { objectFieldChanges } from './object-fields';
import { diffStacks, parseStack, type StackDiff } from './stack-diff';
import type { ValueChange } from './value-diff';

export interface StackChange {
  /** `terraform/cdktf.out/stacks/<env>/cdk.tf.json`. */
  readonly file: string;
  readonly status: FileStatus;
  readonly diff: StackDiff;
}

/** Objects named `<app>/<Kind>.<name>` (the file's path below `clusters/<env>/`, without `.yaml`). */
export interface ObjectChanges {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly string[];
}

export interface EnvironmentChanges {
  readonly environment: string;
  /** Null when the environment's stack file did not change. */
  readonly stack: StackChange | null;
  readonly objects: ObjectChanges;
  /** Each changed object's fields, old → new, by object name. */
  readonly objectFields: Readonly<Record<string, readonly ValueChange[]>>;
  /** Other changed generated files of the environment (neither its stack nor a manifest). */
  readonly otherFiles: readonly FileChange[];
}

export interface GeneratedChanges {
  readonly base: BaseCommit;
  /** How many generated files changed in all. */
  readonly fileCount: number;
  /** Every known environment (changed or not), then any other environment folder that changed. */
  readonly environments: readonly EnvironmentChanges[];
  /** Changed generated files outside every environment (cdktf's manifest.json, clusters/README.md). */
  readonly otherFiles: readonly FileChange[];
}

const STACK_PATH = /^terraform\/cdktf\.out\/stacks\/([^/]+)\/(.+)$/;
const CLUSTER_PATH = /^clusters\/([^/]+)\/(.+)$/;
const MANIFEST = /\.ya?ml$/;

interface Bucket {
  stack: FileChange | null;
  objects: { added: string[]; removed: string[]; changed: string[] };
  otherFiles: FileChange[];
}

function emptyBucket(): Bucket {
  return { stack: null, objects: { added: [], removed: [], changed: [] }, otherFiles: [] };
}

const OBJECT_LIST: Readonly<Record<FileStatus, keyof Bucket['objects']>> = {
  added: 'added',
  deleted: 'removed',
  modified: 'changed',
};

function environmentOrder(a: string, b: string): number {
  const known = (env: string) => {
    const index = (ENVIRONMENT_NAMES as readonly string[]).indexOf(env);
    return index === -1 ? ENVIRONMENT_NAMES.length : index;
  };
  return known(a) - known(b) || compareText(a, b);
}

function readWorkingFile(root: string, file: string): string {
  try {
    return readFileSync(join(root, file), 'utf8');
  } catch (error) {
    throw new SummaryInputError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

function stackChange(root: string, base: BaseCommit, change: FileChange): StackChange {
  const atBase = `${base.ref}:${change.file}`;
  const before = change.status === 'added' ? null : parseStack(fileAtCommit(root, base.commit, change.file), atBase);
  const after = change.status === 'deleted' ? null : parseStack(readWorkingFile(root, change.file), change.file);
  return {
    file: change.file,
    status: change.status,
    diff: diffStacks(before, after, { before: atBase, after: change.file }),
  };
}

/** Sorts the changed generated files into environments; reads both versions of changed stacks. */
export function collectGeneratedChanges(root: string, base: BaseCommit): GeneratedChanges {
  const files = changedGeneratedFiles(root, base.commit);
  const buckets = new Map<string, Bucket>(ENVIRONMENT_NAMES.map((env) => [env, emptyBucket()]));
  const bucket = (env: string): Bucket => {
    const found = buckets.get(env) ?? emptyBucket();
    buckets.set(env, found);
    return found;
  };
  const otherFiles: FileChange[] = [];
  for (const change of files) {
    const stack = STACK_PATH.exec(change.file);
    const cluster = CLUSTER_PATH.exec(change.file);
    if (stack) {
      const target = bucket(stack[1] as string);
      if (stack[2] === 'cdk.tf.json') target.stack = change;
      else target.otherFiles.push(change);
    } else if (cluster && MANIFEST.test(cluster[2] as string)) {
      bucket(cluster[1] as string).objects[OBJECT_LIST[change.status]].push(
        (cluster[2] as string).replace(MANIFEST, ''),
      );
    } else if (cluster) {
      bucket(cluster[1] as string).otherFiles.push(change);
    } else {
      otherFiles.push(change);
    }
  }
  const environments = [...buckets.keys()].sort(environmentOrder).map((environment) => {
    const found = buckets.get(environment) as Bucket;
    return {
      environment,
      stack: found.stack ? stackChange(root, base, found.stack) : null,
      objects: found.objects,
      objectFields: Object.fromEntries(
        found.objects.changed.map((name) => [
          name,
          objectFieldChanges(root, base, `clusters/${environment}/${name}.yaml`),
        ]),
      ),
      otherFiles: found.otherFiles,
    };
  });
  return { base, fileCount: files.length, environments, otherFiles };
}

/** True when nothing of the environment's generated output changed. */
export function isUnchanged(changes: EnvironmentChanges): boolean {
  const { added, removed, changed } = changes.objects;
  return changes.stack === null && added.length + removed.length + changed.length + changes.otherFiles.length === 0;
}
