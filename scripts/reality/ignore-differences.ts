/**
 * Whether each `ignoreDifferences` entry of an Application names objects it syncs and paths those
 * objects have. An entry that matches nothing silently stops ignoring, and the Application flips
 * OutOfSync after every controller write (an HPA's replicas, a webhook's caBundle).
 * https://argo-cd.readthedocs.io/en/stable/user-guide/diffing/
 */

import { isRecord } from '../core/is-record';
import type { PolicyResource } from '../gate/types';
import { groupOf } from '../manifests/catalog';
import type { ApplicationView } from './applications';

export interface IgnoredPath {
  /** `spec.ignoreDifferences[0]`. */
  readonly entry: string;
  readonly target: string;
  /** The JSON pointer or jq path; `` for an entry naming no path (managedFieldsManagers). */
  readonly path: string;
  /**
   * `present`: the path exists on every object the entry names; `missing`: on none or not all;
   * `no-object`: the entry names no object the Application creates; `unparsed`: a jq expression
   * beyond the subset understood here; `chart-rendered`: a chart app, whose objects Argo CD
   * renders, so neither the object nor the path can be seen here (not judged).
   */
  readonly status: 'present' | 'missing' | 'no-object' | 'unparsed' | 'chart-rendered';
}

type Step = { readonly key: string } | { readonly each: true } | { readonly index: number };

/** A JSON pointer (RFC 6901) as steps. */
function pointerSteps(pointer: string): Step[] {
  return pointer
    .split('/')
    .slice(1)
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((key) => (/^\d+$/.test(key) ? { index: Number(key) } : { key }));
}

/** The jq subset Argo CD users write for paths: `.a.b`, `.a[]`, `.a[]?`, `.a[0]`; null beyond it. */
function jqSteps(expression: string): Step[] | null {
  const steps: Step[] = [];
  const token = /\.([A-Za-z_][\w-]*)|\[\]\??|\[(\d+)\]\??/y;
  let at = 0;
  while (at < expression.length) {
    token.lastIndex = at;
    const match = token.exec(expression);
    if (!match) return null;
    if (match[1] !== undefined) steps.push({ key: match[1] });
    else if (match[2] !== undefined) steps.push({ index: Number(match[2]) });
    else steps.push({ each: true });
    at = token.lastIndex;
  }
  return steps.length > 0 ? steps : null;
}

/** True when the path leads to a value in `value` (through every element for `[]`, at least one). */
function exists(value: unknown, steps: readonly Step[]): boolean {
  const [step, ...rest] = steps;
  if (step === undefined) return value !== undefined;
  if ('each' in step) return Array.isArray(value) && value.some((element) => exists(element, rest));
  if ('index' in step) return Array.isArray(value) && exists(value[step.index], rest);
  return isRecord(value) && exists(value[step.key], rest);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function ignoredPaths(application: ApplicationView, objects: readonly PolicyResource[]): IgnoredPath[] {
  const spec = isRecord(application.resource.values.spec) ? application.resource.values.spec : {};
  const entries = Array.isArray(spec.ignoreDifferences) ? spec.ignoreDifferences : [];
  const chartApp = application.sources.some((source) => source.chart !== undefined);
  return entries.flatMap((raw, i) => {
    const entry = isRecord(raw) ? raw : {};
    const group = text(entry.group) ?? '';
    const kind = text(entry.kind) ?? '';
    const name = text(entry.name);
    const namespace = text(entry.namespace);
    const target = [`${group || 'core'}/${kind}`, namespace, name].filter(Boolean).join(' ');
    const matched = objects.filter(
      (o) =>
        groupOf(o.apiVersion ?? '') === group &&
        o.type === kind &&
        (name === undefined || o.name === name) &&
        (namespace === undefined || o.namespace === namespace),
    );
    const paths: [string, Step[] | null][] = [
      ...strings(entry.jsonPointers).map((p): [string, Step[] | null] => [p, pointerSteps(p)]),
      ...strings(entry.jqPathExpressions).map((p): [string, Step[] | null] => [p, jqSteps(p)]),
    ];
    const listed: [string, Step[] | null][] = paths.length > 0 ? paths : [['', []]];
    return listed.map(([path, steps]): IgnoredPath => {
      const base = { entry: `spec.ignoreDifferences[${i}]`, target, path };
      if (chartApp) return { ...base, status: 'chart-rendered' };
      if (matched.length === 0) return { ...base, status: 'no-object' };
      if (steps === null) return { ...base, status: 'unparsed' };
      return { ...base, status: matched.every((o) => exists(o.values, steps)) ? 'present' : 'missing' };
    });
  });
}
