/**
 * JSON: the list DESIGN.md fixes — `{policy, severity, file, line, resource, message}` per
 * finding, plus `waived` and the exception when one applies (and title/environment for context).
 */

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
    waived: finding.waived,
    ...(finding.exception ? { exception: finding.exception } : {}),
  }));
  return `${JSON.stringify(findings, null, 2)}\n`;
}
