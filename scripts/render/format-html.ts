/**
 * A self-contained HTML page (inline CSS, no scripts, no external assets) for auditors and CI
 * artifacts: the verdict, every finding, the exceptions, and the catalog of policies with the
 * controls each one evidences. The style, table and finding sections are exported so the
 * pull-request summary (`npm run pr:summary`) shows the gate's findings the same way.
 */

import { policiesById } from '../gate/catalog';
import type { Finding, PolicyException } from '../gate/exceptions';
import { countFindings, type GateReport } from '../gate/run-gate';
import { SEVERITIES } from '../gate/types';
import { layerCell, REACHABILITY_HEADERS, type ReachabilityRow, reachabilityRows } from '../reality/reachability-table';
import { REACHABILITY_LAYERS } from '../reality/reachability-types';
import { realityTables } from '../reality/report-tables';
import { realityTablesHtml } from '../reality/report-tables-render';
import {
  bySeverityThenPolicy,
  describeException,
  exceptionNote,
  location,
  occurrencesNote,
  summaryLine,
} from './format-common';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/**
 * The page's whole stylesheet, inlined so the page needs nothing else. Table cells break long
 * tokens (paths, resource addresses, identifiers in remediation text) rather than widen the page
 * past a narrow window or a printed sheet; headers and severity labels stay whole, so a squeezed
 * column never splits a word (scripts/render/page.browser.test.ts checks both in Chromium).
 */
export const STYLE = `
body{font:14px/1.5 system-ui,sans-serif;margin:2rem;color:#1b1f24;max-width:80rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}code{font-size:12px}td{overflow-wrap:anywhere}
.verdict{padding:.6rem 1rem;border-radius:6px;font-weight:600}
.failed{background:#ffebe9;color:#82071e}.passed{background:#dafbe1;color:#116329}
.critical{color:#82071e;font-weight:600}.high{color:#bc4c00;font-weight:600}.medium{color:#9a6700}.low{color:#57606a}
.critical,.high,.medium,.low{white-space:nowrap}
@media print{body{margin:0;max-width:none}tr{break-inside:avoid}h2,h3{break-after:avoid}}
`;

/** A table; `rows` hold cells already escaped (they may carry markup). */
/** A table of HTML cells; `rowAttributes[i]`, when given, is written into row i's `<tr>` as is. */
export function table(
  headers: readonly string[],
  rows: readonly string[][],
  rowAttributes?: readonly string[],
): string {
  const head = headers.map((header) => `<th>${escapeHtml(header)}</th>`).join('');
  const body = rows
    .map((row, i) => `<tr${rowAttributes?.[i] ?? ''}>${row.map((value) => `<td>${value}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The table of unwaived violations per severity, then waived and stale counts. */
export function severityCountsTable(report: GateReport): string {
  const counts = countFindings(report);
  return table(
    ['severity', 'violations'],
    [
      ...SEVERITIES.map((s) => [`<span class="${s}">${s}</span>`, String(counts.bySeverity[s])]),
      ['waived', String(counts.waived)],
      ['stale exceptions', String(counts.stale)],
    ],
  );
}

/** Heading and table of the unwaived violations ("None." when there are none). */
export function violationsSection(findings: readonly Finding[], heading = 'h2'): string[] {
  const e = escapeHtml;
  const failing = bySeverityThenPolicy(findings.filter((finding) => !finding.waived));
  return [
    `<${heading}>Violations (${failing.length})</${heading}>`,
    failing.length === 0
      ? '<p>None.</p>'
      : table(
          ['severity', 'policy', 'resource', 'where', 'message'],
          failing.map((f) => [
            `<span class="${f.severity}">${f.severity}</span>`,
            `<code>${e(f.policy)}</code> ${e(f.title)}`,
            `<code>${e(f.resource)}</code>`,
            `<code>${e(location(f))}</code>`,
            e(f.message) +
              (occurrencesNote(f) ? `<br>${e(occurrencesNote(f))}` : '') +
              (f.exception ? `<br><em>${e(exceptionNote(f))}</em>` : ''),
          ]),
        ),
  ];
}

/** Heading and table of the waived violations with their exception. */
export function waivedSection(findings: readonly Finding[], heading = 'h2'): string[] {
  const e = escapeHtml;
  const waived = bySeverityThenPolicy(findings.filter((finding) => finding.waived));
  return [
    `<${heading}>Waived (${waived.length})</${heading}>`,
    waived.length === 0
      ? '<p>None.</p>'
      : table(
          ['policy', 'resource', 'where', 'exception'],
          waived.map((f) => [
            `<code>${e(f.policy)}</code>`,
            `<code>${e(f.resource)}</code>`,
            `<code>${e(location(f))}</code>`,
            e(exceptionNote(f)),
          ]),
        ),
  ];
}

/** Heading and list of the exceptions that match nothing. */
export function staleExceptionsSection(
  stale: readonly (PolicyException & { readonly expired: boolean })[],
  heading = 'h2',
): string[] {
  const e = escapeHtml;
  return [
    `<${heading}>Stale exceptions (${stale.length})</${heading}>`,
    stale.length === 0
      ? '<p>None.</p>'
      : `<ul>${stale.map((x) => `<li>${e(describeException(x))} matches nothing${x.expired ? ' and has expired' : ''}</li>`).join('')}</ul>`,
  ];
}

/**
 * The reachability table per environment: each layer's verdict, the rule that decided it and why.
 * One section, `#reachability`, each row carrying `data-flow="<flow>"`, so links and the browser
 * tests find a flow without reading the cells.
 */
export function reachabilitySection(rows: readonly ReachabilityRow[], heading = 'h2'): string[] {
  const e = escapeHtml;
  const sub = heading === 'h2' ? 'h3' : 'h4';
  const environments = [...new Set(rows.map((row) => row.environment))];
  const sections: string[] = [
    '<section id="reachability">',
    `<${heading}>Reachability (${environments.length} environments)</${heading}>`,
  ];
  if (environments.length === 0) sections.push('<p>None.</p>');
  for (const environment of environments) {
    const ofEnvironment = rows.filter((row) => row.environment === environment);
    sections.push(`<${sub} id="reachability-${e(environment)}">Reachability: ${e(environment)}</${sub}>`);
    sections.push(
      table(
        REACHABILITY_HEADERS,
        ofEnvironment.map((row) => [
          `<code>${e(row.flow)}</code>`,
          e(row.expectation),
          ...REACHABILITY_LAYERS.map((layer) => {
            const { verdict, rule, detail } = layerCell(row, layer);
            return rule ? `${e(verdict)}<br><code>${e(rule)}</code><br><small>${e(detail)}</small>` : e(verdict);
          }),
          row.ok ? e(row.result) : `<span class="critical">${e(row.result)}</span>`,
        ]),
        ofEnvironment.map((row) => ` data-flow="${e(row.flow)}"`),
      ),
    );
  }
  sections.push('</section>');
  return sections;
}

export function formatHtml(report: GateReport): string {
  const counts = countFindings(report);
  const failed = counts.failing > 0;
  const e = escapeHtml;
  const sections: string[] = [];
  sections.push(`<p class="verdict ${failed ? 'failed' : 'passed'}">${e(summaryLine(report))}</p>`);
  sections.push(severityCountsTable(report));
  sections.push(...violationsSection(report.findings));
  sections.push(...waivedSection(report.findings));
  sections.push(...staleExceptionsSection(report.stale));
  sections.push(...realityTablesHtml(realityTables(report.resources, report.findings)));
  sections.push(...reachabilitySection(reachabilityRows(report.resources)));
  const policies = policiesById(report.catalog);
  sections.push(`<h2>Policies (${policies.length})</h2>`);
  sections.push(
    table(
      ['policy', 'severity', 'controls', 'equivalents', 'remediation'],
      policies.map((p) => [
        `<code>${e(p.id)}</code> ${e(p.title)}<br><small>${e(p.file)}</small>`,
        `<span class="${p.severity}">${p.severity}</span>`,
        e(p.controls.join('; ')),
        e(p.equivalents.join('; ')),
        e(p.remediation),
      ]),
    ),
  );
  sections.push(`<h2>Files (${report.files.length})</h2>`);
  sections.push(
    table(
      ['file', 'kind', 'resources'],
      report.files.map((f) => [`<code>${e(f.file)}</code>`, e(f.kind), String(f.resources)]),
    ),
  );
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>Policy gate: ${failed ? 'failed' : 'passed'}</title>`,
    `<style>${STYLE}</style></head><body><main>`,
    `<h1>Ecolaura policy gate report</h1>`,
    `<p>Exceptions judged as of ${e(report.today)}.</p>`,
    ...sections,
    '</main></body></html>',
    '',
  ].join('\n');
}
