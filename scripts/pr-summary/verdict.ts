/**
 * The one-line verdict at the top of the summary and the exit code. Drift, unwaived policy
 * violations, missing, stale or unverifiable plans, a missing base and unacknowledged destructive
 * changes to data each block a merge: "ready" is only reachable when every one of them is absent.
 * Deletes and replaces in the saved plans and stale exceptions are named so the reviewer looks.
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
  return notices;
}

/**
 * What keeps a change from being ready besides drift and violations: a plan the gate could not
 * judge (missing, stale, unverified), no base to plan against, an unacknowledged destructive change.
 */
function planBlockers(summary: PrSummary): string[] {
  const blockers: string[] = [];
  const unplanned = summary.plans.filter((plan) => !plan.planned).map((plan) => plan.environment);
  if (unplanned.length > 0) blockers.push(`not planned: ${unplanned.join(', ')} (${TF_CHECK})`);
  const stale = summary.plans.filter((plan) => plan.planned && plan.basis === 'stale').map((plan) => plan.environment);
  if (stale.length > 0) blockers.push(`plans older than their committed stack: ${stale.join(', ')} (${TF_CHECK})`);
  const unverified = summary.plans
    .filter((plan) => plan.planned && plan.basis === 'unverified')
    .map((plan) => plan.environment);
  if (unverified.length > 0) {
    blockers.push(`plans whose stack could not be checked (no .tfcheck/<env>/cdk.tf.json): ${unverified.join(', ')}`);
  }
  if (summary.planned === null)
    blockers.push('no --base given, so what the change does to each environment is unknown');
  const unacknowledged = (summary.planned ?? []).flatMap((plan) => plan.destructive.filter((d) => !d.acknowledged));
  if (unacknowledged.length > 0) {
    blockers.push(
      `${plural(unacknowledged.length, 'unacknowledged destructive change')} to data (${unacknowledged.map((d) => `${d.stack} ${d.address}`).join(', ')})`,
    );
  }
  return blockers;
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
  blockers.push(...planBlockers(summary));
  const notices = planNotices(summary);
  if (counts.stale > 0) {
    notices.push(`${plural(counts.stale, 'stale exception')} in policies/exceptions.yaml: see Policy gate.`);
  }
  const ready = blockers.length === 0;
  return {
    ready,
    headline: ready
      ? 'Ready to merge: generated output matches a fresh synth, every plan is current, no destructive change is unacknowledged and no policy violation is left unwaived'
      : `Needs attention: ${blockers.join('; ')}`,
    notices,
  };
}

/** 0 when nothing needs attention, 1 when anything blocks the merge. */
export function exitCodeOf(verdict: Verdict): 0 | 1 {
  return verdict.ready ? 0 : 1;
}
