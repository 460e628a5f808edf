/** `npm run lifecycle`'s report of every pinned version, as text or JSON. */

import type { LifecycleJudgement } from './support-lifecycle';

export interface LifecycleReport {
  readonly today: string;
  readonly versions: readonly LifecycleJudgement[];
}

/** 1 when any pinned version is past its end, else 0. */
export function lifecycleExitCode(report: LifecycleReport): 0 | 1 {
  return report.versions.some((v) => v.status === 'ended') ? 1 : 0;
}

export function summaryOf(report: LifecycleReport): string {
  const count = (status: LifecycleJudgement['status']) => report.versions.filter((v) => v.status === status).length;
  const ended = count('ended');
  const head = ended > 0 ? 'error: lifecycle failed' : 'info: lifecycle passed';
  return `${head}: ${report.versions.length} pinned versions on ${report.today}: ${ended} ended, ${count('ending')} ending within 90 days, ${count('supported')} supported, ${count('unknown')} without a published date, ${count('unlisted')} without a calendar entry`;
}

function daysText(v: LifecycleJudgement): string {
  if (v.daysLeft === null) return v.status === 'unlisted' ? 'no calendar entry' : 'no published end date';
  return v.daysLeft <= 0 ? `ended ${-v.daysLeft} days ago` : `${v.daysLeft} days left`;
}

export function renderText(report: LifecycleReport): string {
  const rows = report.versions.map((v) => [v.status, v.subject, v.version, v.end ?? '-', daysText(v)]);
  const header = ['status', 'subject', 'version', 'end', 'days left'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  const notes = report.versions
    .filter((v) => v.note !== null || v.source !== null)
    .map(
      (v) =>
        `  ${v.subject} ${v.version}: ${v.source} (${v.checked ? `checked ${v.checked}` : 'not checked from here'})${v.note ? `: ${v.note}` : ''}`,
    );
  return `${[line(header), ...rows.map(line), '', 'sources:', ...notes].join('\n')}\n`;
}

export function renderJson(report: LifecycleReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
