/**
 * The summary as one self-contained HTML page (inline CSS, no scripts, no external assets), for
 * a CI artifact. It reuses the gate page's style, tables and finding sections.
 */

import { countFindings } from '../gate/run-gate';
import { DRIFT_FIX } from '../lib/drift-check';
import { plural, summaryLine } from '../render/format-common';
import {
  escapeHtml,
  STYLE,
  severityCountsTable,
  staleExceptionsSection,
  table,
  violationsSection,
  waivedSection,
} from '../render/format-html';
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
  TITLE,
} from './wording';

const SUMMARY_STYLE = `${STYLE.trimEnd()}
h3{font-size:1rem;margin-top:1.2rem}ul{margin:.3rem 0}
.notices{border-left:4px solid #bf8700;padding:.2rem 1rem;background:#fff8c5}
footer{margin-top:2rem;color:#57606a}
`;

/** Escapes text and turns its `code spans` (the shared wording uses them) into <code>. */
function inline(text: string): string {
  return escapeHtml(text).replace(/`([^`]*)`/g, '<code>$1</code>');
}

function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

function codes(items: readonly string[]): string {
  return items.map(code).join(', ');
}

function list(items: readonly string[]): string {
  return items.length === 0 ? '' : `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

function environmentDetail(env: EnvironmentChanges): string[] {
  const parts = [`<h3>${escapeHtml(env.environment)}</h3>`];
  if (env.stack) {
    const { file, status, diff } = env.stack;
    const items = [
      ...(diff.added.length > 0 ? [`added: ${codes(diff.added)}`] : []),
      ...(diff.removed.length > 0 ? [`removed: ${codes(diff.removed)}`] : []),
      ...(diff.changed.length > 0
        ? [
            `changed: ${diff.changed
              .map(({ address, attributes }) =>
                attributes.length > 0 ? `${code(address)} (${escapeHtml(attributes.join(', '))})` : code(address),
              )
              .join(', ')}`,
          ]
        : []),
      ...(diff.blocks.length > 0 ? [`other blocks changed: ${codes(diff.blocks)}`] : []),
    ];
    parts.push(
      `<p>Terraform resources, ${code(file)} (${status}):</p>`,
      list(items.length > 0 ? items : ['no resource or block changed (only the generated metadata)']),
    );
  }
  const { added, removed, changed } = env.objects;
  if (added.length + removed.length + changed.length > 0) {
    parts.push(
      `<p>Kubernetes objects under ${code(`clusters/${env.environment}/`)}:</p>`,
      list(
        (
          [
            ['added', added],
            ['removed', removed],
            ['changed', changed],
          ] as const
        )
          .filter(([, items]) => items.length > 0)
          .map(([label, items]) => `${label}: ${codes(items)}`),
      ),
    );
  }
  if (env.otherFiles.length > 0) {
    parts.push('<p>Other generated files:</p>', list(env.otherFiles.map((f) => `${f.status}: ${code(f.file)}`)));
  }
  return parts;
}

function changesSection(changes: GeneratedChanges | null): string[] {
  if (changes === null) return ['<h2>Changes to each environment</h2>', `<p>${inline(NO_BASE)}</p>`];
  const parts = [`<h2>Changes since ${code(changes.base.ref)} (${code(changes.base.commit.slice(0, 12))})</h2>`];
  if (changes.fileCount === 0) return [...parts, `<p>${inline(NO_CHANGES)}</p>`];
  parts.push(
    `<p>${escapeHtml(plural(changes.fileCount, 'generated file'))} changed.</p>`,
    table(
      ['environment', 'Terraform resources', 'Kubernetes objects', 'other files'],
      changes.environments.map((env) => {
        const row = environmentRow(env);
        return [escapeHtml(env.environment), escapeHtml(row.terraform), escapeHtml(row.kubernetes), row.other];
      }),
    ),
  );
  for (const env of changes.environments) if (!isUnchanged(env)) parts.push(...environmentDetail(env));
  if (changes.otherFiles.length > 0) {
    parts.push(
      '<h3>Outside the environments</h3>',
      list(changes.otherFiles.map((f) => `${f.status}: ${code(f.file)}`)),
    );
  }
  return parts;
}

function resourceItem(change: ResourceChange): string {
  const forced = change.forcedBy.length > 0 ? ` — forced by ${codes(change.forcedBy)}` : '';
  const fields = change.changes.map(
    ({ path, before, after }) =>
      `${code(path)}: ${code(before)} → ${code(after)}${change.forcedBy.includes(path) ? ' (forces replacement)' : ''}`,
  );
  return `${code(change.address)}${forced}${list(fields)}`;
}

function plannedSection(planned: readonly StackPlan[] | null): string[] {
  if (planned === null) return [];
  const parts = ['<h2>What the change does to each environment</h2>', `<p>${inline(PLANNED_SOURCE)}</p>`];
  if (planned.length === 0) return [...parts, `<p>${inline(NO_STACK_CHANGED)}</p>`];
  const destructive = planned.flatMap((plan) => plan.destructive);
  if (destructive.length > 0) {
    const open = destructive.filter((d) => !d.acknowledged);
    parts.push(
      `<h3 class="${open.length > 0 ? 'failed' : 'passed'}">Destructive changes to data: ${destructive.length - open.length} of ${destructive.length} acknowledged</h3>`,
      list(
        destructive.map(
          (d) =>
            `${d.acknowledged ? 'acknowledged' : '<strong>not acknowledged</strong>'}: ${escapeHtml(d.stack)} ${d.action} ${code(d.address)}`,
        ),
      ),
    );
    if (open.length > 0) {
      parts.push(
        `<p>${inline(DESTRUCTIVE_HOW)}</p>`,
        `<pre>${open.map((d) => escapeHtml(acknowledgementLine(d))).join('\n')}</pre>`,
      );
    }
  }
  for (const plan of planned) {
    parts.push(`<h3>${escapeHtml(plan.stack)}</h3>`);
    if (plan.resources.length === 0) parts.push('<p>No resource changes.</p>');
    for (const action of ACTION_ORDER) {
      const changes = plan.resources.filter((r) => r.action === action);
      if (changes.length > 0) {
        parts.push(
          `<p><strong>${escapeHtml(ACTION_HEADINGS[action])}</strong> (${changes.length})</p>`,
          list(changes.map(resourceItem)),
        );
      }
    }
  }
  return parts;
}

function plansSection(summary: PrSummary): string[] {
  const columns = planColumns(summary.plans);
  const destructive = summary.plans.flatMap((plan) =>
    destructiveChanges(plan).map(
      ({ what, addresses }) =>
        `<strong>${escapeHtml(plan.environment)}</strong> ${escapeHtml(what)}: ${codes(addresses)}`,
    ),
  );
  return [
    '<h2>Terraform plans</h2>',
    `<p>${inline(PLAN_SOURCE)}</p>`,
    table(
      ['environment', ...columns, 'plan'],
      summary.plans.map((plan) => [
        escapeHtml(plan.environment),
        ...columns.map((action) => (plan.planned ? String(plan.counts[action]) : '–')),
        inline(planState(plan)),
      ]),
    ),
    destructive.length > 0 ? list(destructive) : `<p>${inline(NOTHING_DESTROYED)}</p>`,
  ];
}

function driftSection(summary: PrSummary): string[] {
  if (summary.drift.length === 0) return ['<h2>Drift</h2>', `<p class="verdict passed">${inline(IN_SYNC)}</p>`];
  return [
    '<h2>Drift</h2>',
    `<p class="verdict failed">${inline(`${plural(summary.drift.length, 'generated file')} differ from a fresh synth; fix: ${DRIFT_FIX}.`)}</p>`,
    list(summary.drift.map(({ kind, file, note }) => `${kind}: ${code(file)}${note ? ` (${escapeHtml(note)})` : ''}`)),
  ];
}

function gateSection(summary: PrSummary): string[] {
  const report = summary.gate;
  const failed = countFindings(report).failing > 0;
  return [
    `<h2>Policy gate: ${failed ? 'failed' : 'passed'}</h2>`,
    `<p class="verdict ${failed ? 'failed' : 'passed'}">${escapeHtml(summaryLine(report))}</p>`,
    `<p>${escapeHtml(`${plural(report.resourceCount, 'resource')} in ${plural(report.files.length, 'file')} checked against ${plural(report.catalog.size, 'policy', 'policies')}.`)}</p>`,
    severityCountsTable(report),
    ...violationsSection(report.findings, 'h3'),
    ...waivedSection(report.findings, 'h3'),
    ...staleExceptionsSection(report.stale, 'h3'),
  ];
}

export function formatSummaryHtml(summary: PrSummary): string {
  const verdict = judge(summary);
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${TITLE}: ${verdict.ready ? 'ready to merge' : 'needs attention'}</title>`,
    `<style>${SUMMARY_STYLE}</style></head><body>`,
    `<h1>${TITLE}</h1>`,
    `<p class="verdict ${verdict.ready ? 'passed' : 'failed'}">${inline(verdict.headline)}</p>`,
    ...(verdict.notices.length > 0 ? [`<div class="notices">${list(verdict.notices.map(inline))}</div>`] : []),
    ...plannedSection(summary.planned),
    ...changesSection(summary.changes),
    ...plansSection(summary),
    ...driftSection(summary),
    ...gateSection(summary),
    `<footer>${inline(FOOTER)}</footer>`,
    '</body></html>',
    '',
  ].join('\n');
}
