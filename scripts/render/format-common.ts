/** Wording and ordering every report format shares, so they never disagree. */

import { compareText } from '../core/compare';
import type { Finding, Occurrence, PolicyException } from '../gate/exceptions';
import { countFindings, type GateReport } from '../gate/run-gate';
import { SEVERITIES, type Severity, type SourceKind } from '../gate/types';

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** The closing line: the verdict and every count a reader needs, with its `error:`/`info:` prefix. */
export function summaryLine(report: GateReport): string {
  const counts = countFindings(report);
  const severities = SEVERITIES.map((severity) => `${counts.bySeverity[severity]} ${severity}`).join(', ');
  const parts = [
    `${plural(counts.failing, 'violation')} (${severities})`,
    `${counts.waived} waived`,
    plural(counts.stale, 'stale exception'),
  ];
  if (counts.expired > 0) parts.push(`${plural(counts.expired, 'violation')} under an expired exception`);
  const scope = `${plural(report.resourceCount, 'resource')} in ${plural(report.files.length, 'file')}`;
  return counts.failing > 0
    ? `error: gate failed: ${parts.join(', ')}; ${scope}`
    : `info: gate passed: ${parts.join(', ')}; ${scope}`;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** Findings ordered by severity, then policy, then place — the order humans read them in. */
export function bySeverityThenPolicy(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      severityRank(a.severity) - severityRank(b.severity) ||
      compareText(a.policy, b.policy) ||
      compareText(a.file, b.file) ||
      a.line - b.line ||
      compareText(a.resource, b.resource),
  );
}

/** Groups already-sorted items by a key, keeping first-seen order. */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const members = groups.get(key(item)) ?? [];
    members.push(item);
    groups.set(key(item), members);
  }
  return groups;
}

export function describeException(exception: PolicyException): string {
  const scope = exception.environment ? ` in ${exception.environment}` : '';
  return `exception #${exception.index} (${exception.policy} on "${exception.resource}"${scope}, owner ${exception.owner}, expires ${exception.expires})`;
}

/** What a finding's exception means for it, in one sentence; empty when it has none. */
export function exceptionNote(finding: Finding): string {
  const exception = finding.exception;
  if (!exception) return '';
  if (exception.expired) {
    return `${describeException(exception)} expired: it no longer waives this violation; fix the resource or renew the exception with a new justification`;
  }
  return `waived by ${describeException(exception)}: ${exception.justification}`;
}

export function staleNote(exception: PolicyException & { readonly expired: boolean }): string {
  const expired = exception.expired ? ' and has expired' : '';
  return `${describeException(exception)} matches no violation${expired}: remove it from policies/exceptions.yaml`;
}

/**
 * Where to fix a finding: the TypeScript line that created the resource, then the generated
 * file and line it reached (`terraform/database/postgres-database.ts:127 (terraform/cdktf.out/…:57)`);
 * only the generated place when no source map covers it.
 */
export function location(finding: Pick<Finding, 'file' | 'line' | 'origin'>): string {
  const generated = `${finding.file}:${finding.line}`;
  const source = finding.origin?.source;
  return source ? `${source.file}:${source.line} (${generated})` : generated;
}

/** `created by terraform/database/postgres-database.ts:127 (construct prod/database/instance)`, or empty. */
export function sourceNote(finding: Pick<Finding, 'origin'>): string {
  const source = finding.origin?.source;
  return source ? `created by ${source.file}:${source.line} (construct ${source.construct})` : '';
}

const FORM_NAME: Record<SourceKind, string> = {
  terraform: 'config',
  'terraform-plan': 'plan',
  kubernetes: 'manifest',
};

/** One place a grouped finding occurs: `prod plan .tfcheck/prod/plan.json → terraform/…/cdk.tf.json:57`. */
export function describeOccurrence(occurrence: Occurrence): string {
  const environment = occurrence.environment ?? 'no environment';
  const form = occurrence.form ? FORM_NAME[occurrence.form] : 'file';
  const input = occurrence.input === occurrence.file ? '' : `${occurrence.input} → `;
  return `${environment} ${form} ${input}${occurrence.file}:${occurrence.line}`;
}

/** "occurs in 3 places: …" for a finding grouped over several places; empty for one. */
export function occurrencesNote(finding: Finding): string {
  const occurrences = finding.occurrences ?? [];
  if (occurrences.length < 2) return '';
  return `occurs in ${occurrences.length} places: ${occurrences.map(describeOccurrence).join('; ')}`;
}
