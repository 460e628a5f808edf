/**
 * Where a file sits in the repository tells the gate its environment and its group (the set
 * of resources cross-resource rules may correlate).
 */

import { ENVIRONMENT_NAMES, type EnvironmentName } from '../../environments/model';

function isEnvironmentName(value: string): value is EnvironmentName {
  return (ENVIRONMENT_NAMES as readonly string[]).includes(value);
}

/** Index of the nearest ancestor directory named exactly `dev`, `staging` or `prod`, or -1. */
function environmentDirIndex(segments: readonly string[]): number {
  for (let index = segments.length - 2; index >= 0; index -= 1) {
    const segment = segments[index];
    if (segment !== undefined && isEnvironmentName(segment)) return index;
  }
  return -1;
}

/** The environment a repo-relative POSIX path belongs to, from its nearest `dev|staging|prod` folder. */
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
 * Kubernetes group: the environment folder (`clusters/prod`) when the file sits below one, so
 * an Ingress and the Service it routes to correlate across app folders; else the file's folder.
 */
export function kubernetesGroup(file: string): string {
  const segments = file.split('/');
  const index = environmentDirIndex(segments);
  if (index >= 0) return segments.slice(0, index + 1).join('/');
  return segments.length > 1 ? segments.slice(0, -1).join('/') : '.';
}
