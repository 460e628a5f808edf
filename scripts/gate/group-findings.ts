/**
 * One root cause, reported once: findings of the same policy on the same resource address created
 * by the same TypeScript line (their `source-map.json` location) — across environments and forms
 * (configuration, plan) — are one finding listing every place it occurs. Different resources of
 * one line (a loop over apps) stay apart: their data, not the line, may be at fault. A waived
 * finding groups only with findings under the same exception, so a waiver of prod never hides
 * dev. Findings without a source location (no
 * source map covers them) group only with their own plan/config twin at the same file and line.
 */

import type { Finding, Occurrence } from './exceptions';

/** The one place an ungrouped finding occurs. */
export function occurrenceOf(finding: Finding): Occurrence {
  return {
    file: finding.file,
    line: finding.line,
    resource: finding.resource,
    environment: finding.environment,
    form: finding.origin?.form ?? null,
    input: finding.origin?.input ?? finding.file,
  };
}

function groupKey(finding: Finding): string {
  const source = finding.origin?.source;
  const where = source
    ? ['source', source.file, source.line, finding.resource]
    : ['generated', finding.file, finding.line, finding.resource];
  const waiver = finding.exception ? [finding.exception.index, finding.exception.expired] : [];
  return JSON.stringify([finding.policy, finding.waived, ...waiver, ...where]);
}

/** Findings (in report order) grouped; each group is its first finding with `occurrences` filled in. */
export function groupFindings(findings: readonly Finding[]): Finding[] {
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const key = groupKey(finding);
    const members = groups.get(key) ?? [];
    members.push(finding);
    groups.set(key, members);
  }
  return [...groups.values()].map((members) => {
    const [first, ...rest] = members as [Finding, ...Finding[]];
    return { ...first, occurrences: [first, ...rest].map(occurrenceOf) };
  });
}
