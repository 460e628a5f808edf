/**
 * JSON: the list DESIGN.md fixes — `{policy, severity, file, line, resource, message}` per
 * finding, plus `waived` and the exception when one applies (and title/environment for context);
 * `source` (the TypeScript line, or null), `form`/`input` (what was gated: a plan finding's
 * `file` is its stack's `cdk.tf.json`), `path` (the offending attribute) and `occurrences` (every
 * place one root cause reaches, when grouped: `group-findings.ts`).
 */

import { occurrenceOf } from '../gate/group-findings';
import type { GateReport } from '../gate/run-gate';

export function formatJson(report: GateReport): string {
  const findings = report.findings.map((finding) => ({
    policy: finding.policy,
    severity: finding.severity,
    title: finding.title,
    file: finding.file,
    line: finding.line,
    resource: finding.resource,
    environment: finding.environment,
    message: finding.message,
    ...(finding.path ? { path: finding.path } : {}),
    source: finding.origin?.source ?? null,
    ...(finding.origin ? { form: finding.origin.form, input: finding.origin.input } : {}),
    occurrences: finding.occurrences ?? [occurrenceOf(finding)],
    waived: finding.waived,
    ...(finding.exception ? { exception: finding.exception } : {}),
  }));
  return `${JSON.stringify(findings, null, 2)}\n`;
}
