/**
 * Exceptions (`policies/exceptions.yaml`): a reviewed, owned, dated waiver of one policy for
 * resources matching a pattern. Validated on load; applied after evaluation. A waived
 * violation does not fail the gate, an expired waiver no longer waives, and a waiver that
 * matches nothing is reported as stale so the file does not rot.
 */

import { readFileSync } from 'node:fs';
import { type Document, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { ENVIRONMENT_NAMES, type EnvironmentName } from '../../environments/model';
import { GateExceptionsError } from '../core/errors';
import { isRecord } from '../core/is-record';
import { isIsoDate } from '../core/iso-date';
import type { Catalog } from './catalog';
import type { SourceKind, Violation } from './types';

export interface PolicyException {
  /** 0-based position in the file's list, as error messages and reports name it. */
  readonly index: number;
  readonly policy: string;
  /** Glob on the resource address: `*` any run of characters except `/`, `**` anything, `?` one character. */
  readonly resource: string;
  readonly environment: EnvironmentName | null;
  readonly justification: string;
  readonly owner: string;
  /** Last day the exception applies, `YYYY-MM-DD` (UTC). */
  readonly expires: string;
}

const FIELDS = ['policy', 'resource', 'environment', 'justification', 'owner', 'expires'] as const;
const REQUIRED_TEXT = ['policy', 'resource', 'justification', 'owner'] as const;
const TOP_LEVEL_KEYS = ['exceptions', 'maxWaiverDays'] as const;

/** The longest a waiver may run from the day it is judged, unless the file sets `maxWaiverDays`. */
export const DEFAULT_MAX_WAIVER_DAYS = 180;
/** `maxWaiverDays` itself is capped: a file cannot lift the limit to "forever". */
export const MAX_WAIVER_DAYS_CEILING = 365;

/**
 * An owner is someone to ask: a team handle (`platform-team`, `@ecolaura/platform`) of at least
 * three characters, or an e-mail address.
 */
const OWNER = /^(?:@?[A-Za-z0-9][A-Za-z0-9._-]{2,}(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)?|[^\s@]+@[^\s@]+\.[A-Za-z]{2,})$/;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Why `expires` is refused, or undefined when it is a real day within the waiver limit. */
function expiryProblem(expires: unknown, today: string, maxDays: number): string | undefined {
  if (typeof expires !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(expires)) {
    return `${JSON.stringify(expires ?? null)} is not a date written YYYY-MM-DD`;
  }
  if (!isIsoDate(expires)) return `"${expires}" is an impossible date: that day does not exist in the calendar`;
  const days = daysBetween(today, expires);
  if (days > maxDays) {
    return `"${expires}" is ${days} days after ${today}, beyond the ${maxDays}-day maximum waiver (maxWaiverDays); renew it closer to the date instead`;
  }
  return undefined;
}

/**
 * A resource pattern with no letter or digit outside its wildcards (`**`, `*`, `*.*`, `**` under a slash)
 * matches every resource of the policy: a blanket waiver that switches the policy off.
 */
function isBlanketPattern(pattern: string): boolean {
  return !/[A-Za-z0-9]/.test(pattern.replace(/[*?]/g, ''));
}

function validateEntry(
  entry: unknown,
  index: number,
  catalog: Catalog,
  limits: { readonly today: string; readonly maxDays: number },
): { problems: string[]; exception?: PolicyException } {
  const where = `entry ${index}`;
  if (!isRecord(entry)) return { problems: [`${where}: must be a mapping with ${FIELDS.join(', ')}`] };
  const problems: string[] = [];
  for (const key of Object.keys(entry)) {
    if (!(FIELDS as readonly string[]).includes(key))
      problems.push(`${where} field "${key}": unknown field; allowed: ${FIELDS.join(', ')}`);
  }
  for (const field of REQUIRED_TEXT) {
    const value = entry[field];
    if (typeof value !== 'string' || value.trim() === '')
      problems.push(`${where} field "${field}": required, a non-empty string`);
  }
  const policy = entry.policy;
  if (typeof policy === 'string' && policy.trim() !== '' && !catalog.has(policy)) {
    problems.push(`${where} field "policy": "${policy}" is not a policy id in catalog.json`);
  }
  const resource = entry.resource;
  if (typeof resource === 'string' && resource.trim() !== '' && isBlanketPattern(resource)) {
    problems.push(
      `${where} field "resource": "${resource}" matches every resource (a blanket waiver); name the resources, e.g. "Deployment/shop/*"`,
    );
  }
  const owner = entry.owner;
  if (typeof owner === 'string' && owner.trim() !== '' && !OWNER.test(owner.trim())) {
    problems.push(
      `${where} field "owner": "${owner}" is not a team handle (at least 3 characters, e.g. platform-team) or an e-mail address`,
    );
  }
  const expires = entry.expires;
  const expiry = expiryProblem(expires, limits.today, limits.maxDays);
  if (expiry) problems.push(`${where} field "expires": ${expiry}`);
  const environment = entry.environment ?? null;
  if (environment !== null && !(ENVIRONMENT_NAMES as readonly unknown[]).includes(environment)) {
    problems.push(
      `${where} field "environment": ${JSON.stringify(environment)} is not one of ${ENVIRONMENT_NAMES.join(', ')}`,
    );
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    exception: {
      index,
      policy: entry.policy as string,
      resource: entry.resource as string,
      environment: environment as EnvironmentName | null,
      justification: (entry.justification as string).trim(),
      owner: (entry.owner as string).trim(),
      expires: expires as string,
    },
  };
}

/** 1-based line of list item `index` (or of its `field`) in the file, when the file has one. */
function entryLine(document: Document, lineCounter: LineCounter, index: number, field?: string): number | undefined {
  const contents = document.contents;
  const list = isMap(contents) ? contents.get('exceptions', true) : undefined;
  const item = isSeq(list) ? (list.items[index] as Node | undefined) : undefined;
  let node: Node | undefined = item;
  if (field && isMap(item)) {
    const pair = item.items.find(
      (candidate) => isPair(candidate) && isScalar(candidate.key) && candidate.key.value === field,
    );
    if (pair) node = pair.key as Node;
  }
  return node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
}

/** Prefixes each entry problem with the line it concerns: `line 12: entry 3 field "owner": …`. */
function located(problem: string, document: Document, lineCounter: LineCounter): string {
  const match = /^entry (\d+)(?: field "([^"]+)")?/.exec(problem);
  const line = match ? entryLine(document, lineCounter, Number(match[1]), match[2]) : undefined;
  return line === undefined ? problem : `line ${line}: ${problem}`;
}

function maxWaiverDaysOf(value: unknown): { days: number; problem?: string } {
  if (value === undefined) return { days: DEFAULT_MAX_WAIVER_DAYS };
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_WAIVER_DAYS_CEILING) {
    return { days: value };
  }
  return {
    days: DEFAULT_MAX_WAIVER_DAYS,
    problem: `"maxWaiverDays": ${JSON.stringify(value)} must be a whole number of days from 1 to ${MAX_WAIVER_DAYS_CEILING} (default ${DEFAULT_MAX_WAIVER_DAYS})`,
  };
}

/** Entries waiving the same policy for the same resources in the same environment. */
function duplicateProblems(exceptions: readonly PolicyException[]): string[] {
  const seen = new Map<string, number>();
  const problems: string[] = [];
  for (const exception of exceptions) {
    const key = JSON.stringify([exception.policy, exception.resource, exception.environment]);
    const first = seen.get(key);
    if (first === undefined) seen.set(key, exception.index);
    else {
      problems.push(
        `entry ${exception.index}: duplicates entry ${first} (same policy, resource and environment); keep one`,
      );
    }
  }
  return problems;
}

/**
 * Parses and validates the exceptions file's text; every problem is reported, not just the first,
 * each with its line. `today` (`YYYY-MM-DD`, UTC) is the day the waiver limit is measured from.
 */
export function parseExceptions(
  text: string,
  file: string,
  catalog: Catalog,
  today: string = new Date().toISOString().slice(0, 10),
): PolicyException[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter });
  const parseError = document.errors[0];
  if (parseError) {
    const line = lineCounter.linePos(parseError.pos[0]).line;
    throw new GateExceptionsError(file, [`line ${line}: cannot parse: ${parseError.message.split('\n')[0]}`]);
  }
  const root = document.toJS();
  if (root === null || root === undefined) return [];
  if (!isRecord(root) || Object.keys(root).some((key) => !(TOP_LEVEL_KEYS as readonly string[]).includes(key))) {
    throw new GateExceptionsError(file, [
      'the file must be a mapping with the key "exceptions", holding a list (and optionally "maxWaiverDays")',
    ]);
  }
  const list = root.exceptions ?? [];
  if (!Array.isArray(list)) throw new GateExceptionsError(file, ['"exceptions" must be a list']);
  const maxDays = maxWaiverDaysOf(root.maxWaiverDays);
  const problems: string[] = maxDays.problem ? [maxDays.problem] : [];
  const exceptions: PolicyException[] = [];
  list.forEach((entry, index) => {
    const checked = validateEntry(entry, index, catalog, { today, maxDays: maxDays.days });
    problems.push(...checked.problems);
    if (checked.exception) exceptions.push(checked.exception);
  });
  problems.push(...duplicateProblems(exceptions));
  if (problems.length > 0) {
    throw new GateExceptionsError(
      file,
      problems.map((problem) => located(problem, document, lineCounter)),
    );
  }
  return exceptions;
}

export function loadExceptions(file: string, catalog: Catalog, today?: string): PolicyException[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new GateExceptionsError(file, [`cannot read: ${(error as Error).message}`]);
  }
  return parseExceptions(text, file, catalog, today);
}

/** The resource glob as an anchored regular expression. */
export function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let index = 0; index < pattern.length; index += 1) {
    const char = pattern[index] as string;
    if (char === '*' && pattern[index + 1] === '*') {
      source += '.*';
      index += 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

export function exceptionMatches(exception: PolicyException, violation: Violation): boolean {
  return (
    exception.policy === violation.policy &&
    (exception.environment === null || exception.environment === violation.environment) &&
    globToRegExp(exception.resource).test(violation.resource)
  );
}

export function isExpired(exception: PolicyException, today: string): boolean {
  return exception.expires < today;
}

/** A violation with the exception that applies to it, if any. */
export interface Finding extends Violation {
  /** True when an unexpired exception covers the violation: it is reported, but does not fail the gate. */
  readonly waived: boolean;
  /** The exception that waived it, or the expired one that would have (then `waived` is false). */
  readonly exception?: PolicyException & { readonly expired: boolean };
  /**
   * Every place this root cause occurs — itself first — once findings are grouped
   * (`group-findings.ts`): each environment and form (config, plan) the same source line reaches.
   */
  readonly occurrences?: readonly Occurrence[];
}

/** One place a grouped finding occurs. */
export interface Occurrence {
  readonly file: string;
  readonly line: number;
  readonly resource: string;
  readonly environment: Violation['environment'];
  readonly form: SourceKind | null;
  readonly input: string;
}

export interface ExceptionOutcome {
  readonly findings: readonly Finding[];
  /** Exceptions that matched no violation: they should be removed. */
  readonly stale: readonly (PolicyException & { readonly expired: boolean })[];
}

/** Attaches exceptions to violations; the first unexpired match (in file order) waives. */
export function applyExceptions(
  violations: readonly Violation[],
  exceptions: readonly PolicyException[],
  today: string,
): ExceptionOutcome {
  const used = new Set<number>();
  const findings = violations.map((violation): Finding => {
    const matching = exceptions.filter((exception) => exceptionMatches(exception, violation));
    for (const exception of matching) used.add(exception.index);
    const active = matching.find((exception) => !isExpired(exception, today));
    if (active) return { ...violation, waived: true, exception: { ...active, expired: false } };
    const expired = matching[0];
    if (expired) return { ...violation, waived: false, exception: { ...expired, expired: true } };
    return { ...violation, waived: false };
  });
  const stale = exceptions
    .filter((exception) => !used.has(exception.index))
    .map((exception) => ({ ...exception, expired: isExpired(exception, today) }));
  return { findings, stale };
}
