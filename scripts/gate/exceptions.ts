/**
 * Exceptions (`policies/exceptions.yaml`): a reviewed, owned, dated waiver of one policy for
 * resources matching a pattern. Validated on load; applied after evaluation. A waived
 * violation does not fail the gate, an expired waiver no longer waives, and a waiver that
 * matches nothing is reported as stale so the file does not rot.
 */

import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { ENVIRONMENT_NAMES, type EnvironmentName } from '../../environments/model';
import type { Catalog } from './catalog';
import { GateExceptionsError } from './errors';
import { isRecord } from './terraform-common';
import type { Violation } from './types';

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

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function validateEntry(
  entry: unknown,
  index: number,
  catalog: Catalog,
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
  const expires = entry.expires;
  if (typeof expires !== 'string' || !isIsoDate(expires)) {
    problems.push(`${where} field "expires": ${JSON.stringify(expires ?? null)} is not a date written YYYY-MM-DD`);
  }
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

/** Parses and validates the exceptions file's text; every problem is reported, not just the first. */
export function parseExceptions(text: string, file: string, catalog: Catalog): PolicyException[] {
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const parseError = document.errors[0];
  if (parseError) throw new GateExceptionsError(file, [`cannot parse: ${parseError.message.split('\n')[0]}`]);
  const root = document.toJS();
  if (root === null || root === undefined) return [];
  if (!isRecord(root) || Object.keys(root).some((key) => key !== 'exceptions')) {
    throw new GateExceptionsError(file, ['the file must be a mapping with one key, "exceptions", holding a list']);
  }
  const list = root.exceptions ?? [];
  if (!Array.isArray(list)) throw new GateExceptionsError(file, ['"exceptions" must be a list']);
  const problems: string[] = [];
  const exceptions: PolicyException[] = [];
  list.forEach((entry, index) => {
    const checked = validateEntry(entry, index, catalog);
    problems.push(...checked.problems);
    if (checked.exception) exceptions.push(checked.exception);
  });
  if (problems.length > 0) throw new GateExceptionsError(file, problems);
  return exceptions;
}

export function loadExceptions(file: string, catalog: Catalog): PolicyException[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new GateExceptionsError(file, [`cannot read: ${(error as Error).message}`]);
  }
  return parseExceptions(text, file, catalog);
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
