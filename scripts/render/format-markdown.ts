/**
 * Markdown for a pull request (or a CI run summary): verdict, counts, then the details. The
 * section builders are exported so the pull-request summary (`npm run pr:summary`) shows the
 * gate's findings in exactly these words.
 */

import type { Finding, PolicyException } from '../gate/exceptions';
import { countFindings, type GateReport } from '../gate/run-gate';
import { SEVERITIES } from '../gate/types';
import { layerCell, REACHABILITY_HEADERS, type ReachabilityRow, reachabilityRows } from '../reality/reachability-table';
import { REACHABILITY_LAYERS } from '../reality/reachability-types';
import { realityTables } from '../reality/report-tables';
import { realityTablesMarkdown } from '../reality/report-tables-render';
import {
  bySeverityThenPolicy,
  describeException,
  location,
  occurrencesNote,
  plural,
  summaryLine,
} from './format-common';

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text taken from input, made inert in a Markdown table cell: HTML is written as entities (GitHub
 * renders raw tags), every character that opens Markdown inside a line is backslash-escaped (links
 * and images need `[`, emphasis `*` `_` `~`, code a backtick, a mention `@`), pipes cannot split
 * the cell and newlines cannot end the row.
 * https://github.github.com/gfm/#backslash-escapes
 */
export function cell(text: string): string {
  return text
    .replace(/[&<>]/g, (char) => HTML_ENTITIES[char] ?? char)
    .replace(/[\\`*_[\]|~@]/g, (char) => `\\${char}`)
    .replace(/\r?\n|\r/g, ' ');
}

/**
 * Text taken from input as an inline code span. Inside one nothing is interpreted but a backtick
 * (which would end it) and, in a table, a pipe (GFM splits cells before reading code spans).
 */
export function code(text: string): string {
  return `\`${text
    .replace(/`/g, "'")
    .replace(/\|/g, '\\|')
    .replace(/\r?\n|\r/g, ' ')}\``;
}

/** Lines of the table of unwaived violations per severity, then waived and stale counts. */
export function severityCountsTable(report: GateReport): string[] {
  const counts = countFindings(report);
  const lines = ['| severity | violations |', '| --- | ---: |'];
  for (const severity of SEVERITIES) lines.push(`| ${severity} | ${counts.bySeverity[severity]} |`);
  lines.push(`| waived | ${counts.waived} |`, `| stale exceptions | ${counts.stale} |`, '');
  return lines;
}

/** The message, then the places one grouped root cause reaches, on a new line of the cell. */
function joinNotes(message: string, occurrences: string): string {
  return occurrences ? `${cell(message)}<br>${cell(occurrences)}` : cell(message);
}

/** The unwaived violations as a table under `heading`; no lines when there are none. */
export function violationsSection(findings: readonly Finding[], heading = '###'): string[] {
  const failing = bySeverityThenPolicy(findings.filter((finding) => !finding.waived));
  if (failing.length === 0) return [];
  const lines = [
    `${heading} Violations`,
    '',
    '| severity | policy | resource | where | message |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const finding of failing) {
    const expired = finding.exception?.expired
      ? ` (exception #${finding.exception.index} expired ${finding.exception.expires})`
      : '';
    lines.push(
      `| ${finding.severity} | ${code(finding.policy)} ${cell(finding.title)} | ${code(finding.resource)} | ${code(location(finding))} | ${joinNotes(finding.message + expired, occurrencesNote(finding))} |`,
    );
  }
  lines.push('');
  return lines;
}

/** The waived violations with their exception; no lines when there are none. */
export function waivedSection(findings: readonly Finding[], heading = '###'): string[] {
  const waived = bySeverityThenPolicy(findings.filter((finding) => finding.waived));
  if (waived.length === 0) return [];
  const lines = [
    `${heading} Waived`,
    '',
    '| policy | resource | where | exception | justification |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const finding of waived) {
    const exception = finding.exception;
    lines.push(
      `| ${code(finding.policy)} | ${code(finding.resource)} | ${code(location(finding))} | #${exception?.index}, ${cell(exception?.owner ?? '')}, until ${exception?.expires} | ${cell(exception?.justification ?? '')} |`,
    );
  }
  lines.push('');
  return lines;
}

/** Exceptions that match nothing, each with the fix; no lines when there are none. */
export function staleExceptionsSection(
  stale: readonly (PolicyException & { readonly expired: boolean })[],
  heading = '###',
): string[] {
  if (stale.length === 0) return [];
  const lines = [`${heading} Stale exceptions`, ''];
  for (const exception of stale) {
    lines.push(
      `- ${cell(describeException(exception))} matches nothing${exception.expired ? ' and has expired' : ''}: remove it.`,
    );
  }
  lines.push('');
  return lines;
}

/** The reachability table per environment: each layer's verdict with the rule that decided it. */
export function reachabilitySection(rows: readonly ReachabilityRow[], heading = '###'): string[] {
  if (rows.length === 0) return [];
  const lines: string[] = [];
  for (const environment of [...new Set(rows.map((row) => row.environment))]) {
    lines.push(`${heading} Reachability: ${environment}`, '');
    lines.push(`| ${REACHABILITY_HEADERS.join(' | ')} |`, `|${' --- |'.repeat(REACHABILITY_HEADERS.length)}`);
    for (const row of rows.filter((r) => r.environment === environment)) {
      const layers = REACHABILITY_LAYERS.map((layer) => {
        const { verdict, rule } = layerCell(row, layer);
        return rule ? `${verdict}: ${code(rule)}` : verdict;
      });
      lines.push(
        `| ${code(row.flow)} | ${row.expectation} | ${layers.join(' | ')} | ${row.ok ? '' : '❌ '}${cell(row.result)} |`,
      );
    }
    lines.push('');
  }
  return lines;
}

export function formatMarkdown(report: GateReport): string {
  const counts = countFindings(report);
  const lines: string[] = [];
  lines.push(counts.failing > 0 ? '## ❌ Policy gate failed' : '## ✅ Policy gate passed', '');
  lines.push(
    `${plural(report.resourceCount, 'resource')} in ${plural(report.files.length, 'file')} checked against ${plural(report.catalog.size, 'policy', 'policies')}.`,
    '',
  );
  lines.push(...severityCountsTable(report));
  lines.push(...violationsSection(report.findings));
  lines.push(...waivedSection(report.findings));
  lines.push(...staleExceptionsSection(report.stale));
  lines.push(...realityTablesMarkdown(realityTables(report.resources, report.findings)));
  lines.push(...reachabilitySection(reachabilityRows(report.resources)));
  lines.push(code(summaryLine(report)));
  return `${lines.join('\n')}\n`;
}
