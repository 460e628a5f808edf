/**
 * Which leaves of two JSON values differ, as `path: old → new` lines a reviewer can read: used for
 * a planned resource's attributes (with Terraform's unknown and sensitive marks) and for a
 * Kubernetes object's fields. Sensitive values are never printed, on either side.
 */
import { compareText } from '../core/compare';
import { isRecord } from '../core/is-record';

export const UNKNOWN = '(known after apply)';
export const MASKED = '(sensitive)';
export const ABSENT = '(none)';

export interface ValueChange {
  /** `storage_encrypted`, `vpc_config[0].subnet_ids`, `spec.replicas`. */
  readonly path: string;
  /** Rendered old and new values, masked where sensitive. */
  readonly before: string;
  readonly after: string;
}

/** Terraform's marks beside a value: `true` where unknown (or sensitive), else the same shape. */
export interface Marks {
  readonly afterUnknown?: unknown;
  readonly beforeSensitive?: unknown;
  readonly afterSensitive?: unknown;
}

/** Longest rendered value; the rest is elided, as a summary line is no place for a whole policy. */
const MAX_VALUE = 120;

function render(value: unknown): string {
  if (value === undefined || value === null) return ABSENT;
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function child(marks: unknown, key: string | number): unknown {
  if (marks === true) return true;
  if (Array.isArray(marks) && typeof key === 'number') return marks[key];
  if (isRecord(marks) && typeof key === 'string') return marks[key];
  return undefined;
}

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (Array.isArray(value) && value.length === 0) ||
    (isRecord(value) && Object.keys(value).length === 0)
  );
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
}

function walk(before: unknown, after: unknown, marks: Marks, path: string, out: ValueChange[]): void {
  const masked = marks.beforeSensitive === true || marks.afterSensitive === true;
  if (marks.afterUnknown === true) {
    out.push({ path, before: masked ? MASKED : render(before), after: UNKNOWN });
    return;
  }
  const nested = (key: string | number, a: unknown, b: unknown) =>
    walk(
      a,
      b,
      {
        afterUnknown: child(marks.afterUnknown, key),
        beforeSensitive: child(marks.beforeSensitive, key),
        afterSensitive: child(marks.afterSensitive, key),
      },
      join(path, key),
      out,
    );
  if (Array.isArray(before) && Array.isArray(after) && !masked) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) nested(i, before[i], after[i]);
    return;
  }
  if (isRecord(before) && isRecord(after) && !masked) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareText);
    for (const key of keys) nested(key, before[key], after[key]);
    return;
  }
  if (JSON.stringify(before) === JSON.stringify(after) || (isEmpty(before) && isEmpty(after))) return;
  out.push({
    path,
    before: marks.beforeSensitive === true ? MASKED : render(before),
    after: marks.afterSensitive === true ? MASKED : render(after),
  });
}

/** Every leaf that differs between `before` and `after`, in path order. */
export function diffValues(before: unknown, after: unknown, marks: Marks = {}): ValueChange[] {
  const out: ValueChange[] = [];
  walk(before, after, marks, '', out);
  return out;
}
