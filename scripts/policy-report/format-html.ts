/**
 * The report as one self-contained HTML page (inline CSS, no scripts, no external assets), in
 * the gate report's style, for CI artifacts and auditors' archives. Policy ids link to their
 * section, so the controls index reads as a table of contents.
 */

import { realityTablesHtml } from '../reality/report-tables-render';
import { escapeHtml as e, reachabilitySection, STYLE, table } from '../render/format-html';
import { describeException, describeGate, describeTests, describeVerdict, HOW_TO_READ, NO_GAPS } from './describe';
import { type EvidenceReport, exitCodeOfEvidence, type PolicyEvidence } from './evidence';
import { GENERATED_BY, summaryLine } from './summary-line';

const EXTRA_STYLE = `
section.policy{border-top:1px solid #d0d7de;margin-top:1.5rem}
.gap{color:#82071e}table.facts th{width:16rem;font-weight:600}ul.names{columns:2;margin:.2rem 0}
`;

/** Inline code, escaped; HOW_TO_READ's backticks become <code>. */
function markup(text: string): string {
  return e(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function codes(items: readonly string[]): string {
  return items.length === 0
    ? '<span class="gap">none</span>'
    : items.map((item) => `<code>${e(item)}</code>`).join(', ');
}

/** A two-column table of labelled facts: the labels are row headers, no column headings. */
function facts(rows: readonly (readonly string[])[]): string {
  const body = rows
    .map(([label = '', value = '']) => `<tr><th scope="row">${label}</th><td>${value}</td></tr>`)
    .join('\n');
  return `<table class="facts"><tbody>\n${body}\n</tbody></table>`;
}

function link(id: string): string {
  return `<a href="#${e(id)}"><code>${e(id)}</code></a>`;
}

function header(report: EvidenceReport): string[] {
  const { bundle, totals } = report;
  const failed = exitCodeOfEvidence(report) !== 0;
  return [
    '<h1>Ecolaura policy evidence report</h1>',
    '<p>What each policy of the gate checks, which controls it evidences, and the evidence that it is tested and enforced.</p>',
    `<p class="verdict ${failed ? 'failed' : 'passed'}">${e(summaryLine(report))}</p>`,
    facts([
      ['Rego sources sha256', `<code>${e(bundle.sourcesSha256)}</code>`],
      ...Object.entries(bundle.artifacts).map(([file, hash]) => [`${e(file)} sha256`, `<code>${e(hash)}</code>`]),
      ['opa version', e(bundle.opaVersion)],
      ['policies', String(totals.policies)],
      ['Rego unit tests', e(describeTests(report))],
      ['fixtures', String(totals.fixtures)],
      ['mutation rows', String(totals.mutations)],
      ['exceptions', `${totals.exceptions} (judged as of ${e(report.today)})`],
      ['gate on the repository', e(describeGate(report))],
    ]),
    '<h2>How to read this report</h2>',
    `<ul>${HOW_TO_READ.map((line) => `<li>${markup(line)}</li>`).join('')}</ul>`,
  ];
}

function gaps(report: EvidenceReport): string[] {
  return [
    `<h2>Evidence gaps (${report.gaps.length})</h2>`,
    report.gaps.length === 0
      ? `<p>${e(NO_GAPS)}</p>`
      : `<ul>${report.gaps.map((gap) => `<li class="gap"><code>${e(gap.policy)}</code>: ${e(gap.problem)}</li>`).join('')}</ul>`,
  ];
}

function overview(report: EvidenceReport): string[] {
  return [
    `<h2>Policies (${report.policies.length})</h2>`,
    table(
      [
        'policy',
        'severity',
        'theme',
        'Rego tests',
        'fixtures allowed / disallowed',
        'mutation rows',
        'exceptions',
        'verdict',
      ],
      report.policies.map((p) => [
        `${link(p.id)} ${e(p.title)}`,
        `<span class="${p.severity}">${p.severity}</span>`,
        e(p.theme),
        String(p.tests.names.length),
        `${p.fixtures.allowed.length} / ${p.fixtures.disallowed.length}`,
        String(p.mutations.length),
        String(p.exceptions.length),
        e(describeVerdict(p)),
      ]),
    ),
  ];
}

function controls(report: EvidenceReport): string[] {
  return [
    `<h2>Controls index (${report.controls.length})</h2>`,
    table(
      ['control', 'evidenced by'],
      report.controls.map((entry) => [e(entry.control), entry.policies.map(link).join(', ')]),
    ),
  ];
}

function policySection(p: PolicyEvidence): string {
  const list = (items: readonly string[]) =>
    items.length === 0 ? '<p>None.</p>' : `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
  const parts = [
    `<section class="policy" id="${e(p.id)}">`,
    `<h3><code>${e(p.id)}</code> ${e(p.title)}</h3>`,
    `<p><span class="${p.severity}">${p.severity}</span> · ${e(p.theme)} · ${e(describeVerdict(p))}</p>`,
    `<p>${e(p.description)}</p>`,
    facts([
      ['Rego', `<code>${e(p.file)}</code> (package <code>${e(p.package)}</code>)`],
      ['controls', e(p.controls.join('; ') || 'none')],
      ['scanner equivalents', e(p.equivalents.join('; ') || 'none')],
      ['remediation', e(p.remediation)],
      [
        `Rego unit tests (${p.tests.names.length})`,
        `${p.tests.file ? `<code>${e(p.tests.file)}</code>` : '<span class="gap">no _test.rego</span>'}<ul class="names">${p.tests.names.map((name) => `<li><code>${e(name)}</code></li>`).join('')}</ul>`,
      ],
      [
        `fixtures (${p.fixtures.allowed.length} allowed, ${p.fixtures.disallowed.length} disallowed)`,
        `<code>${e(p.fixtures.folder)}</code><br>allowed: ${codes(p.fixtures.allowed)}<br>disallowed: ${codes(p.fixtures.disallowed)}`,
      ],
      [`mutation rows (${p.mutations.length})`, list(p.mutations.map((m) => e(m.defect)))],
      [`exceptions (${p.exceptions.length})`, list(p.exceptions.map((x) => e(describeException(x))))],
    ]),
  ];
  if (p.verdict.failing.length > 0) {
    parts.push(
      '<p>Unwaived violations:</p>',
      list(
        p.verdict.failing.map((f) => `<code>${e(f.location)}</code> <code>${e(f.resource)}</code>: ${e(f.message)}`),
      ),
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

export function formatHtml(report: EvidenceReport): string {
  return [
    '<!DOCTYPE html>',
    `<!-- ${e(GENERATED_BY)} -->`,
    '<html lang="en"><head><meta charset="utf-8">',
    '<title>Ecolaura policy evidence report</title>',
    `<style>${STYLE}${EXTRA_STYLE}</style></head><body><main>`,
    ...header(report),
    ...gaps(report),
    ...overview(report),
    ...controls(report),
    ...realityTablesHtml(report.reality),
    ...reachabilitySection(report.reachability),
    '<h2>Policy details</h2>',
    ...report.policies.map(policySection),
    `<p><code>${e(summaryLine(report))}</code></p>`,
    '</main></body></html>',
    '',
  ].join('\n');
}
