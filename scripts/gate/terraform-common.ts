/**
 * What Terraform config JSON and plan JSON share: effective tags, resource references and the
 * cdktf `//` metadata the policies must not see.
 */

import { compareText } from '../core/compare';
import { isRecord } from '../core/is-record';

/** What a resource takes from the AWS provider configuration that serves it. */
export interface AwsProvider {
  readonly region: string | null;
  readonly defaultTags: Record<string, string>;
}

/** Drops cdktf's `//` metadata keys at every depth: they describe the synth, not the resource. */
export function withoutMetadata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutMetadata);
  if (!isRecord(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key !== '//') result[key] = withoutMetadata(inner);
  }
  return result;
}

/**
 * A tag map with string values. Terraform stores tag values as strings; numbers and booleans
 * written in JSON are coerced the way Terraform would. A tag map that is an unresolved
 * expression (`${…}`) contributes nothing: its keys are unknown until apply.
 */
export function tagMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const tags: Record<string, string> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (typeof inner === 'string' || typeof inner === 'number' || typeof inner === 'boolean') tags[key] = String(inner);
  }
  return tags;
}

/** Provider default_tags with the resource's own tags on top (the resource wins, as in AWS). */
export function effectiveTags(defaults: Record<string, string>, own: unknown): Record<string, string> {
  return sortedRecord({ ...defaults, ...tagMap(own) });
}

export function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compareText(a, b)));
}

/** Names in expressions that are not resources. */
const NON_RESOURCE_ROOTS = new Set(['var', 'local', 'each', 'count', 'path', 'self', 'terraform']);
/** Managed resource types are `<provider>_<kind>`. */
const RESOURCE_TYPE = /^[a-z][a-z0-9]*_[a-z0-9_]+$/;

/**
 * The resource address a traversal such as `aws_kms_key.db.arn`, `data.aws_iam_policy_document.x.json`
 * or `module.vpc.vpc_id` refers to, or undefined for variables, locals and the like.
 */
export function addressOfTraversal(traversal: string): string | undefined {
  const segments = traversal.replace(/\[[^\]]*\]/g, '').split('.');
  const [root, second, third] = segments;
  if (root === undefined || second === undefined || second === '' || NON_RESOURCE_ROOTS.has(root)) return undefined;
  if (root === 'data') return third ? `data.${second}.${third}` : undefined;
  if (root === 'module') return `module.${second}`;
  return RESOURCE_TYPE.test(root) ? `${root}.${second}` : undefined;
}

/** The expression text inside each `${…}` of a string, with quoted literals blanked out. */
export function interpolations(text: string): string[] {
  const found: string[] = [];
  let start = text.indexOf('${');
  while (start >= 0) {
    let depth = 1;
    let inQuote = false;
    let expression = '';
    let index = start + 2;
    for (; index < text.length && depth > 0; index += 1) {
      const char = text[index];
      if (inQuote) {
        if (char === '\\') index += 1;
        else if (char === '"') inQuote = false;
        continue;
      }
      if (char === '"') inQuote = true;
      else if (char === '{') depth += 1;
      else if (char === '}') depth -= 1;
      expression += depth > 0 ? char : '';
    }
    found.push(expression);
    start = text.indexOf('${', index);
  }
  return found;
}

const TRAVERSAL = /(?<![\w.])[A-Za-z_][\w-]*(?:\[[^\]]*\])?(?:\.[A-Za-z_*][\w-]*(?:\[[^\]]*\])?)+/g;

/** Sorted unique addresses referenced from `${…}` strings anywhere in a config body, plus `depends_on`. */
export function configReferences(body: Record<string, unknown>): string[] {
  const addresses = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const expression of interpolations(value)) {
        for (const match of expression.matchAll(TRAVERSAL)) {
          const address = addressOfTraversal(match[0]);
          if (address) addresses.add(address);
        }
      }
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (isRecord(value)) {
      Object.values(value).forEach(visit);
    }
  };
  visit(body);
  const dependsOn = body.depends_on;
  if (Array.isArray(dependsOn)) {
    for (const entry of dependsOn) {
      const address = typeof entry === 'string' ? addressOfTraversal(entry.replace(/^\$\{|\}$/g, '')) : undefined;
      if (address) addresses.add(address);
    }
  }
  return [...addresses].sort();
}

/** Adds `address` under `key` of a map of sorted-later address sets. */
function addReference(into: Map<string, Set<string>>, key: string, address: string): void {
  const set = into.get(key) ?? new Set<string>();
  set.add(address);
  into.set(key, set);
}

/** A map of address sets as a plain object of sorted arrays, keys sorted. */
export function referenceRecord(map: Map<string, Set<string>>): Record<string, string[]> {
  return sortedRecord(Object.fromEntries([...map].map(([key, set]) => [key, [...set].sort()])));
}

/**
 * The addresses each attribute refers to, keyed by the attribute's own name at whatever depth
 * (`kms_key_id`, `key_arn` inside encryption_config.provider): a policy asking "does kms_key_id
 * name a key?" must not be satisfied by another attribute of the same resource that does.
 */
export function configAttributeReferences(body: Record<string, unknown>): Record<string, string[]> {
  const found = new Map<string, Set<string>>();
  const visit = (key: string, value: unknown): void => {
    if (typeof value === 'string') {
      for (const expression of interpolations(value)) {
        for (const match of expression.matchAll(TRAVERSAL)) {
          const address = addressOfTraversal(match[0]);
          if (address) addReference(found, key, address);
        }
      }
    } else if (Array.isArray(value)) {
      for (const inner of value) visit(key, inner);
    } else if (isRecord(value)) {
      for (const [innerKey, inner] of Object.entries(value)) visit(innerKey, inner);
    }
  };
  for (const [key, value] of Object.entries(body)) {
    if (key !== 'depends_on' && key !== 'provider' && key !== 'lifecycle') visit(key, value);
  }
  return referenceRecord(found);
}
