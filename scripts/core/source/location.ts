/**
 * Where a file sits in the repository tells the gate its environment and its group (the set
 * of resources cross-resource rules may correlate).
 */

import { ENVIRONMENT_NAMES, type EnvironmentName } from '../../../environments/model';

/** Whether `value` names a declared environment (environments/declared.ts). */
export function isEnvironmentName(value: unknown): value is EnvironmentName {
  return (ENVIRONMENT_NAMES as readonly unknown[]).includes(value);
}

/**
 * Where an environment name sits in each repository layout that has one, as the folder segments
 * before it: `clusters/<env>/…` (Argo CD), `terraform/cdktf.out/stacks/<env>/…` (cdktf),
 * `.tfcheck/<env>/…` (tf:check's plans) and `policies/<theme>/<rule>/fixtures/<env>/…` (fixtures).
 * Only that position counts: a folder named `dev` deeper inside prod's tree names nothing.
 */
const ENVIRONMENT_POSITIONS: readonly (readonly (string | null)[])[] = [
  ['clusters'],
  ['terraform', 'cdktf.out', 'stacks'],
  ['.tfcheck'],
  ['policies', null, null, 'fixtures'],
];

/** Index of the segment that holds the environment in a known layout, or -1. */
function environmentDirIndex(segments: readonly string[]): number {
  for (const prefix of ENVIRONMENT_POSITIONS) {
    const index = prefix.length;
    // The environment folder must be a folder: at least one segment (the file) follows it.
    if (segments.length < index + 2) continue;
    if (!prefix.every((expected, i) => expected === null || segments[i] === expected)) continue;
    const segment = segments[index];
    if (segment !== undefined && isEnvironmentName(segment)) return index;
  }
  return -1;
}

/** The environment of a repo-relative POSIX path, from the position its layout gives it, or null. */
export function environmentOfPath(file: string): EnvironmentName | null {
  const segments = file.split('/');
  const index = environmentDirIndex(segments);
  const name = index < 0 ? undefined : segments[index];
  return name !== undefined && isEnvironmentName(name) ? name : null;
}

/** An environment name taken from an untyped value (a default tag), or null. */
export function environmentFromValue(value: unknown): EnvironmentName | null {
  return typeof value === 'string' && isEnvironmentName(value) ? value : null;
}

/**
 * Kubernetes group: the environment folder (`clusters/prod`) when the file sits at that position, so
 * an Ingress and the Service it routes to correlate across app folders; else the file's folder.
 */
export function kubernetesGroup(file: string): string {
  const segments = file.split('/');
  const index = environmentDirIndex(segments);
  if (index >= 0) return segments.slice(0, index + 1).join('/');
  return segments.length > 1 ? segments.slice(0, -1).join('/') : '.';
}
