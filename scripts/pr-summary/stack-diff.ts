/**
 * What changed between two versions of a stack's `cdk.tf.json`: resources (and data sources)
 * added, removed or changed by address, the attributes that changed, and any other top-level
 * block (provider, locals, outputs, backend) that changed — a provider's `default_tags` reach
 * every resource, so a reviewer must see it even when no resource body moved.
 */
import { compareText } from '../core/compare';
import { isRecord } from '../core/is-record';
import { SummaryInputError } from './errors';

export interface ChangedResource {
  readonly address: string;
  /** Top-level attributes (or nested blocks) whose value differs, sorted; empty when the body is not an object. */
  readonly attributes: readonly string[];
}

export interface StackDiff {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly changed: readonly ChangedResource[];
  /** Changed top-level keys other than `resource`, `data` and the `//` metadata, sorted. */
  readonly blocks: readonly string[];
}

/** JSON with object keys sorted, so equal values always compare equal as text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value).sort(compareText);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Parses a stack file; `where` names it in errors (`path` or `ref:path`). */
export function parseStack(text: string, where: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SummaryInputError(`${where}: not valid JSON (${(error as Error).message}); run npm run synth`);
  }
  if (!isRecord(parsed)) throw new SummaryInputError(`${where}: a Terraform JSON configuration must be an object`);
  return parsed;
}

const ADDRESSED_BLOCKS = [
  ['resource', ''],
  ['data', 'data.'],
] as const;

/** Every resource and data source body by Terraform address (`type.name`, `data.type.name`). */
function bodiesByAddress(stack: Record<string, unknown>, where: string): Map<string, unknown> {
  const bodies = new Map<string, unknown>();
  for (const [block, prefix] of ADDRESSED_BLOCKS) {
    const section = stack[block];
    if (section === undefined) continue;
    if (!isRecord(section)) throw new SummaryInputError(`${where}: "${block}" must be an object of resource types`);
    for (const [type, byName] of Object.entries(section)) {
      if (!isRecord(byName)) throw new SummaryInputError(`${where}: "${block}.${type}" must be an object of names`);
      for (const [name, body] of Object.entries(byName)) bodies.set(`${prefix}${type}.${name}`, body);
    }
  }
  return bodies;
}

function differingKeys(before: unknown, after: unknown): string[] {
  const a = isRecord(before) ? before : {};
  const b = isRecord(after) ? after : {};
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => canonicalJson(a[key]) !== canonicalJson(b[key]))
    .sort(compareText);
}

const NOT_BLOCKS = new Set(['resource', 'data', '//']);

/** Compares two parsed stacks; `null` stands for a stack that does not exist on that side. */
export function diffStacks(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  where: { readonly before: string; readonly after: string },
): StackDiff {
  const old = before ? bodiesByAddress(before, where.before) : new Map<string, unknown>();
  const now = after ? bodiesByAddress(after, where.after) : new Map<string, unknown>();
  const changed: ChangedResource[] = [];
  for (const [address, body] of now) {
    if (!old.has(address) || canonicalJson(old.get(address)) === canonicalJson(body)) continue;
    changed.push({ address, attributes: differingKeys(old.get(address), body) });
  }
  return {
    added: [...now.keys()].filter((address) => !old.has(address)).sort(compareText),
    removed: [...old.keys()].filter((address) => !now.has(address)).sort(compareText),
    changed: changed.sort((a, b) => compareText(a.address, b.address)),
    blocks: differingKeys(before, after).filter((key) => !NOT_BLOCKS.has(key)),
  };
}
