/** The report as Markdown: readable in a pull request, a CI run summary or any Git host. */

import { realityTablesMarkdown } from '../reality/report-tables-render';
import { cell, code, reachabilitySection } from '../render/format-markdown';
import { describeException, describeGate, describeTests, describeVerdict, HOW_TO_READ, NO_GAPS } from './describe';
import type { EvidenceReport, PolicyEvidence } from './evidence';
import { GENERATED_BY, summaryLine } from './summary-line';

function codes(items: readonly string[]): string {
  return items.length === 0 ? 'none' : items.map(code).join(', ');
}

function header(report: EvidenceReport): string[] {
  const { bundle, totals } = report;
  return [
    `<!-- ${GENERATED_BY} -->`,
    '# Ecolaura policy evidence report',
    '',
    'What each policy of the gate checks, which controls it evidences, and the evidence that it is tested and enforced.',
    '',
    '| | |',
    '| --- | --- |',
    `| Rego sources sha256 | ${code(bundle.sourcesSha256)} |`,
    ...Object.entries(bundle.artifacts).map(([file, hash]) => `| ${cell(file)} sha256 | ${code(hash)} |`),
    `| opa version | ${bundle.opaVersion} |`,
    `| policies | ${totals.policies} |`,
    `| Rego unit tests | ${describeTests(report)} |`,
    `| fixtures | ${totals.fixtures} |`,
    `| mutation rows | ${totals.mutations} |`,
    `| exceptions | ${totals.exceptions} (judged as of ${report.today}) |`,
    `| gate on the repository | ${cell(describeGate(report))} |`,
    '',
    '## How to read this report',
    '',
    ...HOW_TO_READ.map((line) => `- ${line}`),
    '',
  ];
}

function gaps(report: EvidenceReport): string[] {
  const lines = [`## Evidence gaps (${report.gaps.length})`, ''];
  if (report.gaps.length === 0) return [...lines, NO_GAPS, ''];
  return [...lines, ...report.gaps.map((gap) => `- ${code(gap.policy)}: ${cell(gap.problem)}`), ''];
}

function overview(report: EvidenceReport): string[] {
  return [
    '## Policies',
    '',
    '| policy | severity | theme | Rego tests | fixtures allowed / disallowed | mutation rows | exceptions | verdict |',
    '| --- | --- | --- | ---: | --- | ---: | ---: | --- |',
    ...report.policies.map(
      (p) =>
        `| [${p.id}](#${p.id.toLowerCase()}) ${cell(p.title)} | ${p.severity} | ${p.theme} | ${p.tests.names.length} | ${p.fixtures.allowed.length} / ${p.fixtures.disallowed.length} | ${p.mutations.length} | ${p.exceptions.length} | ${describeVerdict(p)} |`,
    ),
    '',
  ];
}

function controls(report: EvidenceReport): string[] {
  return [
    '## Controls index',
    '',
    '| control | evidenced by |',
    '| --- | --- |',
    ...report.controls.map(
      (entry) =>
        `| ${cell(entry.control)} | ${entry.policies.map((id) => `[${id}](#${id.toLowerCase()})`).join(', ')} |`,
    ),
    '',
  ];
}

function policySection(p: PolicyEvidence): string[] {
  const lines = [
    `### ${p.id}`,
    '',
    `**${cell(p.title)}** — ${p.severity}, ${p.theme}. ${p.description}`,
    '',
    '| | |',
    '| --- | --- |',
    `| Rego | ${code(p.file)} (package ${code(p.package)}) |`,
    `| controls | ${cell(p.controls.join('; ') || 'none')} |`,
    `| scanner equivalents | ${cell(p.equivalents.join('; ') || 'none')} |`,
    `| remediation | ${cell(p.remediation)} |`,
    `| verdict on the repository | ${describeVerdict(p)} |`,
    '',
    `Rego unit tests (${p.tests.names.length}) in ${p.tests.file ? code(p.tests.file) : '**no _test.rego**'}: ${codes(p.tests.names)}`,
    '',
    `Fixtures in ${code(p.fixtures.folder)}: allowed (${p.fixtures.allowed.length}) ${codes(p.fixtures.allowed)}; disallowed (${p.fixtures.disallowed.length}) ${codes(p.fixtures.disallowed)}`,
    '',
    `Mutation rows (${p.mutations.length}):${p.mutations.length === 0 ? ' none' : ''}`,
    ...p.mutations.map((m) => `- ${cell(m.defect)}`),
    '',
    `Exceptions (${p.exceptions.length}):${p.exceptions.length === 0 ? ' none' : ''}`,
    ...p.exceptions.map((x) => `- ${cell(describeException(x))}`),
    '',
  ];
  if (p.verdict.failing.length > 0) {
    lines.push(
      'Unwaived violations:',
      ...p.verdict.failing.map((f) => `- ${code(f.location)} ${code(f.resource)}: ${cell(f.message)}`),
      '',
    );
  }
  return lines;
}

export function formatMarkdown(report: EvidenceReport): string {
  const lines = [
    ...header(report),
    ...gaps(report),
    ...overview(report),
    ...controls(report),
    ...realityTablesMarkdown(report.reality, '##'),
    ...reachabilitySection(report.reachability, '##'),
    '## Policy details',
    '',
    ...report.policies.flatMap(policySection),
    code(summaryLine(report)),
  ];
  return `${lines.join('\n')}\n`;
}
