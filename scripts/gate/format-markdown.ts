/** Markdown for a pull request (or a CI run summary): verdict, counts, then the details. */

import { bySeverityThenPolicy, describeException, location, plural, summaryLine } from './format-common';
import { countFindings, type GateReport } from './run-gate';
import { SEVERITIES } from './types';

/** Table cells: pipes would split the cell and newlines end the row. */
export function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function code(text: string): string {
  return `\`${text.replace(/`/g, "'")}\``;
}

export function formatMarkdown(report: GateReport): string {
  const counts = countFindings(report);
  const lines: string[] = [];
  lines.push(counts.failing > 0 ? '## ❌ Policy gate failed' : '## ✅ Policy gate passed', '');
  lines.push(
    `${plural(report.resourceCount, 'resource')} in ${plural(report.files.length, 'file')} checked against ${plural(report.catalog.size, 'policy', 'policies')}.`,
    '',
  );
  lines.push('| severity | violations |', '| --- | ---: |');
  for (const severity of SEVERITIES) lines.push(`| ${severity} | ${counts.bySeverity[severity]} |`);
  lines.push(`| waived | ${counts.waived} |`, `| stale exceptions | ${counts.stale} |`, '');

  const failing = bySeverityThenPolicy(report.findings.filter((finding) => !finding.waived));
  if (failing.length > 0) {
    lines.push(
      '### Violations',
      '',
      '| severity | policy | resource | where | message |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const finding of failing) {
      const expired = finding.exception?.expired
        ? ` (exception #${finding.exception.index} expired ${finding.exception.expires})`
        : '';
      lines.push(
        `| ${finding.severity} | ${code(finding.policy)} ${cell(finding.title)} | ${code(finding.resource)} | ${code(location(finding))} | ${cell(finding.message + expired)} |`,
      );
    }
    lines.push('');
  }
  const waived = bySeverityThenPolicy(report.findings.filter((finding) => finding.waived));
  if (waived.length > 0) {
    lines.push(
      '### Waived',
      '',
      '| policy | resource | where | exception | justification |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const finding of waived) {
      const exception = finding.exception;
      lines.push(
        `| ${code(finding.policy)} | ${code(finding.resource)} | ${code(location(finding))} | #${exception?.index}, ${cell(exception?.owner ?? '')}, until ${exception?.expires} | ${cell(exception?.justification ?? '')} |`,
      );
    }
    lines.push('');
  }
  if (report.stale.length > 0) {
    lines.push('### Stale exceptions', '');
    for (const exception of report.stale) {
      lines.push(
        `- ${cell(describeException(exception))} matches nothing${exception.expired ? ' and has expired' : ''}: remove it.`,
      );
    }
    lines.push('');
  }
  lines.push(code(summaryLine(report)));
  return `${lines.join('\n')}\n`;
}
