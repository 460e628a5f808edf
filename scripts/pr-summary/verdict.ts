/**
 * The one-line verdict at the top of the summary and the exit code: drift and unwaived policy
 * violations block a merge; deletes, replaces, missing or stale plans and stale exceptions are
 * not failures but are named so the reviewer looks at them.
 */

import { countFindings } from '../gate/run-gate';
import { SEVERITIES } from '../gate/types';
import { DRIFT_FIX } from '../lib/drift-check';
import { plural } from '../render/format-common';
import type { PrSummary } from './summary';

export interface Verdict {
  readonly ready: boolean;
  /** `Ready to merge: …` or `Needs attention: …`, one line. */
  readonly headline: string;
  /** What a reviewer should look at even when the change is ready, each one sentence. */
  readonly notices: readonly string[];
}

const TF_CHECK = 'run `npm run tf:check`';

function planNotices(summary: PrSummary): string[] {
  const notices: string[] = [];
  for (const plan of summary.plans) {
    if (!plan.planned) continue;
    const parts = [
      plan.deletes.length > 0 ? `deletes ${plan.deletes.length}` : '',
      plan.replaces.length > 0 ? `replaces ${plan.replaces.length}` : '',
      plan.forgets.length > 0 ? `forgets ${plan.forgets.length} (left in AWS, dropped from state)` : '',
    ].filter((part) => part !== '');
    if (parts.length > 0) notices.push(`The ${plan.environment} plan ${parts.join(', ')}: see Terraform plans.`);
  }
  const unplanned = summary.plans.filter((plan) => !plan.planned).map((plan) => plan.environment);
  if (unplanned.length > 0) notices.push(`Not planned: ${unplanned.join(', ')} (${TF_CHECK}).`);
  const stale = summary.plans.filter((plan) => plan.planned && plan.basis === 'stale').map((plan) => plan.environment);
  if (stale.length > 0) notices.push(`Plans older than their committed stack: ${stale.join(', ')} (${TF_CHECK}).`);
  const unverified = summary.plans
    .filter((plan) => plan.planned && plan.basis === 'unverified')
    .map((plan) => plan.environment);
  if (unverified.length > 0) {
    notices.push(`Plans whose stack could not be checked (no .tfcheck/<env>/cdk.tf.json): ${unverified.join(', ')}.`);
  }
  return notices;
}

export function judge(summary: PrSummary): Verdict {
  const counts = countFindings(summary.gate);
  const blockers: string[] = [];
  if (summary.drift.length > 0) {
    blockers.push(`${plural(summary.drift.length, 'generated file')} out of sync with a fresh synth (${DRIFT_FIX})`);
  }
  if (counts.failing > 0) {
    const bySeverity = SEVERITIES.filter((s) => counts.bySeverity[s] > 0)
      .map((s) => `${counts.bySeverity[s]} ${s}`)
      .join(', ');
    blockers.push(`${plural(counts.failing, 'unwaived policy violation')} (${bySeverity})`);
  }
  const notices = planNotices(summary);
  if (counts.stale > 0) {
    notices.push(`${plural(counts.stale, 'stale exception')} in policies/exceptions.yaml: see Policy gate.`);
  }
  if (summary.changes === null) notices.push('No base given: the changes to each environment are not listed.');
  const ready = blockers.length === 0;
  return {
    ready,
    headline: ready
      ? 'Ready to merge: generated output matches a fresh synth and no policy violation is left unwaived'
      : `Needs attention: ${blockers.join('; ')}`,
    notices,
  };
}

/** 0 when nothing needs attention, 1 when the summary reports drift or unwaived violations. */
export function exitCodeOf(verdict: Verdict): 0 | 1 {
  return verdict.ready ? 0 : 1;
}
