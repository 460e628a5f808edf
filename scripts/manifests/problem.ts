import type { FieldPath, LoadedObject } from './load';

/** One finding: where, which object, which field, and what is wrong. */
export interface Problem {
  /** File, or folder for problems of a whole application folder. */
  readonly file: string;
  /** 1-based line; absent for problems of a folder. */
  readonly line?: number;
  /** `Kind namespace/name` (or `Kind name` for cluster-scoped objects), when one object is at fault. */
  readonly object?: string;
  /** Dotted field path, e.g. `spec.template.spec.containers[0].image`. */
  readonly field?: string;
  readonly message: string;
  /** The environment the consistency check ran for, when the problem comes from it. */
  readonly environment?: string;
}

/** Reads a nested field of untyped data; undefined when any step is missing or not an object. */
export function fieldAt(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function stringAt(value: unknown, path: FieldPath): string | undefined {
  const found = fieldAt(value, path);
  return typeof found === 'string' ? found : undefined;
}

/** `Deployment ecolaura/backend`, `ClusterIssuer letsencrypt`, or what can be said of a malformed one. */
export function describeObject(value: unknown): string {
  const kind = stringAt(value, ['kind']) ?? '(no kind)';
  const name = stringAt(value, ['metadata', 'name']) ?? '(no name)';
  const namespace = stringAt(value, ['metadata', 'namespace']);
  return namespace ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
}

/** `spec.template.spec.containers[0].image`; keys that are not identifiers are quoted. */
export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(key)) text += text ? `.${key}` : key;
    else text += `[${JSON.stringify(key)}]`;
  }
  return text;
}

/** A problem about one field of one loaded object, positioned on that field's line. */
export function objectProblem(object: LoadedObject, path: FieldPath, message: string): Problem {
  return {
    file: object.file,
    line: object.lineOf(path),
    object: describeObject(object.value),
    ...(path.length > 0 ? { field: formatFieldPath(path) } : {}),
    message,
  };
}

/** `file:line (env dev): Kind ns/name: field: message` — one line, greppable, clickable in editors. */
export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  const parts = [problem.environment ? `${where} (env ${problem.environment})` : where];
  if (problem.object) parts.push(problem.object);
  if (problem.field) parts.push(problem.field);
  return `${parts.join(': ')}: ${problem.message}`;
}

/** Stable order for output: by file, then line, then text. */
export function compareProblems(a: Problem, b: Problem): number {
  return (
    a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0) || formatProblem(a).localeCompare(formatProblem(b))
  );
}
