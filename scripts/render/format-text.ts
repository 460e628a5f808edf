/** Plain text for a terminal: grouped by severity, then policy, each finding with file:line. */

import type { GateReport } from '../gate/run-gate';
import { reachabilityRows, reachabilityTextLines } from '../reality/reachability-table';
import { realityTables } from '../reality/report-tables';
import { realityTablesText } from '../reality/report-tables-render';
import {
  bySeverityThenPolicy,
  exceptionNote,
  groupBy,
  location,
  occurrencesNote,
  sourceNote,
  staleNote,
  summaryLine,
} from './format-common';

const INDENT = '    ';

export function formatText(report: GateReport): string {
  const lines: string[] = [];
  const failing = bySeverityThenPolicy(report.findings.filter((finding) => !finding.waived));
  for (const [severity, ofSeverity] of groupBy(failing, (finding) => finding.severity)) {
    lines.push(`${severity.toUpperCase()} (${ofSeverity.length})`);
    for (const [policy, ofPolicy] of groupBy(ofSeverity, (finding) => finding.policy)) {
      lines.push(`  ${policy}  ${ofPolicy[0]?.title ?? ''}`);
      for (const finding of ofPolicy) {
        // The generated place first, as `file:line  resource` (what editors and the CLI contract
        // read); the TypeScript line to change on the next line.
        lines.push(`${INDENT}${finding.file}:${finding.line}  ${finding.resource}`);
        const source = sourceNote(finding);
        if (source) lines.push(`${INDENT}  ${source}`);
        lines.push(`${INDENT}  ${finding.message}`);
        const occurrences = occurrencesNote(finding);
        if (occurrences) lines.push(`${INDENT}  ${occurrences}`);
        const note = exceptionNote(finding);
        if (note) lines.push(`${INDENT}  ${note}`);
      }
    }
    lines.push('');
  }
  const waived = bySeverityThenPolicy(report.findings.filter((finding) => finding.waived));
  if (waived.length > 0) {
    lines.push(`WAIVED (${waived.length})`);
    for (const finding of waived) {
      lines.push(`  ${finding.policy}  ${location(finding)}  ${finding.resource}`);
      lines.push(`${INDENT}${exceptionNote(finding)}`);
    }
    lines.push('');
  }
  if (report.stale.length > 0) {
    lines.push(`STALE EXCEPTIONS (${report.stale.length})`);
    for (const exception of report.stale) lines.push(`  ${staleNote(exception)}`);
    lines.push('');
  }
  if (report.stalePlans.length > 0) {
    lines.push(`STALE PLANS, NOT JUDGED (${report.stalePlans.length}): rerun npm run tf:check`);
    for (const plan of report.stalePlans) lines.push(`  ${plan.file}: ${plan.reason}`);
    lines.push('');
  }
  lines.push(...realityTablesText(realityTables(report.resources, report.findings)));
  const reachability = reachabilityTextLines(reachabilityRows(report.resources));
  if (reachability.length > 0) lines.push(...reachability, '');
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}
