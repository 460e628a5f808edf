/**
 * The summary as Markdown, for `$GITHUB_STEP_SUMMARY` and a pull-request comment: the verdict
 * line, then changes, plans, drift and the policy gate. The gate's tables come from the gate's
 * own Markdown report, so both say the same thing in the same words.
 */

import { countFindings } from '../gate/run-gate';
import { DRIFT_FIX } from '../lib/drift-check';
import { plural, summaryLine } from '../render/format-common';
import {
  cell,
  code,
  severityCountsTable,
  staleExceptionsSection,
  violationsSection,
  waivedSection,
} from '../render/format-markdown';
import { acknowledgementLine } from './destructive';
import { type EnvironmentChanges, type GeneratedChanges, isUnchanged } from './generated-changes';
import type { StackPlan } from './planned-changes';
import type { ResourceChange } from './resource-changes';
import type { PrSummary } from './summary';
import { judge } from './verdict';
import {
  ACTION_HEADINGS,
  ACTION_ORDER,
  DESTRUCTIVE_HOW,
  destructiveChanges,
  environmentRow,
  FOOTER,
  IN_SYNC,
  NO_BASE,
  NO_CHANGES,
  NO_STACK_CHANGED,
  NOTHING_DESTROYED,
  PLAN_SOURCE,
  PLANNED_SOURCE,
  planColumns,
  planState,
} from './wording';

function codes(items: readonly string[]): string {
  return items.map(code).join(', ');
}

function listed(label: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [`- ${label}: ${codes(items)}`];
}

function environmentDetail(env: EnvironmentChanges): string[] {
  const lines = [`#### ${env.environment}`, ''];
  if (env.stack) {
    const { file, status, diff } = env.stack;
    lines.push(`Terraform resources, ${code(file)} (${status}):`, '');
    lines.push(...listed('added', diff.added), ...listed('removed', diff.removed));
    if (diff.changed.length > 0) {
      const changed = diff.changed.map(
        ({ address, attributes }) => `${code(address)}${attributes.length > 0 ? ` (${attributes.join(', ')})` : ''}`,
      );
      lines.push(`- changed: ${changed.join(', ')}`);
    }
    lines.push(...listed('other blocks changed', diff.blocks));
    if (diff.added.length + diff.removed.length + diff.changed.length + diff.blocks.length === 0) {
      lines.push('- no resource or block changed (only the generated metadata)');
    }
    lines.push('');
  }
  const { added, removed, changed } = env.objects;
  if (added.length + removed.length + changed.length > 0) {
    lines.push(`Kubernetes objects under ${code(`clusters/${env.environment}/`)}:`, '');
    lines.push(...listed('added', added), ...listed('removed', removed), ...listed('changed', changed), '');
    for (const name of changed) {
      const fields = env.objectFields[name] ?? [];
      if (fields.length === 0) continue;
      lines.push(
        `${code(name)}:`,
        '',
        ...fields.map((f) => `- ${code(f.path)}: ${code(f.before)} → ${code(f.after)}`),
        '',
      );
    }
  }
  if (env.otherFiles.length > 0) {
    lines.push('Other generated files:', '', ...env.otherFiles.map((f) => `- ${f.status}: ${code(f.file)}`), '');
  }
  return lines;
}

function changesSection(changes: GeneratedChanges | null): string[] {
  if (changes === null) return ['### Changes to each environment', '', NO_BASE, ''];
  const lines = [`### Changes since ${code(changes.base.ref)} (${code(changes.base.commit.slice(0, 12))})`, ''];
  if (changes.fileCount === 0) return [...lines, NO_CHANGES, ''];
  lines.push(
    `${plural(changes.fileCount, 'generated file')} changed.`,
    '',
    '| environment | Terraform resources | Kubernetes objects | other files |',
    '| --- | --- | --- | ---: |',
  );
  for (const env of changes.environments) {
    const row = environmentRow(env);
    lines.push(`| ${env.environment} | ${cell(row.terraform)} | ${row.kubernetes} | ${row.other} |`);
  }
  lines.push('');
  for (const env of changes.environments) if (!isUnchanged(env)) lines.push(...environmentDetail(env));
  if (changes.otherFiles.length > 0) {
    lines.push(
      '#### Outside the environments',
      '',
      ...changes.otherFiles.map((f) => `- ${f.status}: ${code(f.file)}`),
      '',
    );
  }
  return lines;
}

function resourceLines(change: ResourceChange): string[] {
  const forced = change.forcedBy.length > 0 ? ` — forced by ${codes(change.forcedBy)}` : '';
  const lines = [`- ${code(change.address)}${forced}`];
  for (const { path, before, after } of change.changes) {
    lines.push(
      `  - ${code(path)}: ${code(before)} → ${code(after)}${change.forcedBy.includes(path) ? ' (forces replacement)' : ''}`,
    );
  }
  return lines;
}

function plannedSection(planned: readonly StackPlan[] | null): string[] {
  if (planned === null) return [];
  const lines = ['### What the change does to each environment', '', PLANNED_SOURCE, ''];
  if (planned.length === 0) return [...lines, NO_STACK_CHANGED, ''];
  const destructive = planned.flatMap((plan) => plan.destructive);
  if (destructive.length > 0) {
    const open = destructive.filter((d) => !d.acknowledged);
    lines.push(
      `#### ${open.length > 0 ? '❌' : '✅'} Destructive changes to data: ${destructive.length - open.length} of ${destructive.length} acknowledged`,
      '',
      ...destructive.map(
        (d) =>
          `- ${d.acknowledged ? '✅' : '❌'} **${d.stack}** ${d.action} ${code(d.address)}${d.forcedBy.length > 0 ? ` (forced by ${codes(d.forcedBy)})` : ''}`,
      ),
      '',
    );
    if (open.length > 0) lines.push(DESTRUCTIVE_HOW, '', '```', ...open.map(acknowledgementLine), '```', '');
  }
  for (const plan of planned) {
    lines.push(`#### ${plan.stack}`, '');
    if (plan.resources.length === 0) lines.push('No resource changes.', '');
    for (const action of ACTION_ORDER) {
      const changes = plan.resources.filter((r) => r.action === action);
      if (changes.length === 0) continue;
      lines.push(`**${ACTION_HEADINGS[action]}** (${changes.length})`, '', ...changes.flatMap(resourceLines), '');
    }
  }
  return lines;
}

function plansSection(summary: PrSummary): string[] {
  const columns = planColumns(summary.plans);
  const lines = ['### Terraform plans', '', PLAN_SOURCE, ''];
  lines.push(
    `| environment | ${columns.join(' | ')} | plan |`,
    `| --- | ${columns.map(() => '---:').join(' | ')} | --- |`,
  );
  for (const plan of summary.plans) {
    const counts = columns.map((action) => (plan.planned ? String(plan.counts[action]) : '–'));
    lines.push(`| ${plan.environment} | ${counts.join(' | ')} | ${planState(plan)} |`);
  }
  lines.push('');
  const destructive = summary.plans.flatMap((plan) =>
    destructiveChanges(plan).map(({ what, addresses }) => `- **${plan.environment}** ${what}: ${codes(addresses)}`),
  );
  lines.push(...(destructive.length > 0 ? destructive : [NOTHING_DESTROYED]), '');
  return lines;
}

function driftSection(summary: PrSummary): string[] {
  if (summary.drift.length === 0) return ['### Drift', '', `✅ ${IN_SYNC}`, ''];
  return [
    '### Drift',
    '',
    `❌ ${plural(summary.drift.length, 'generated file')} differ from a fresh synth; fix: ${DRIFT_FIX}.`,
    '',
    ...summary.drift.map(({ kind, file, note }) => `- ${kind}: ${code(file)}${note ? ` (${note})` : ''}`),
    '',
  ];
}

function gateSection(summary: PrSummary): string[] {
  const report = summary.gate;
  const failed = countFindings(report).failing > 0;
  return [
    `### Policy gate: ${failed ? '❌ failed' : '✅ passed'}`,
    '',
    `${plural(report.resourceCount, 'resource')} in ${plural(report.files.length, 'file')} checked against ${plural(report.catalog.size, 'policy', 'policies')}.`,
    '',
    ...severityCountsTable(report),
    ...violationsSection(report.findings, '####'),
    ...waivedSection(report.findings, '####'),
    ...staleExceptionsSection(report.stale, '####'),
    code(summaryLine(report)),
    '',
  ];
}

export function formatSummaryMarkdown(summary: PrSummary): string {
  const verdict = judge(summary);
  const lines = [`## ${verdict.ready ? '✅' : '❌'} ${verdict.headline}`, ''];
  if (verdict.notices.length > 0) lines.push(...verdict.notices.map((notice) => `- ${notice}`), '');
  lines.push(...plannedSection(summary.planned));
  lines.push(...changesSection(summary.changes));
  lines.push(...plansSection(summary));
  lines.push(...driftSection(summary));
  lines.push(...gateSection(summary));
  lines.push(`_${FOOTER}_`);
  return `${lines.join('\n')}\n`;
}
