/**
 * What the head's plan against the base's state does to each resource: create, update (changed
 * attributes old → new), replace (with the attributes that force it, from the plan's
 * `replace_paths`), delete or forget. Changes the base also plans against its own synthetic state
 * (provider quirks, see diff-plan.ts) are left out: they are not the pull request's doing.
 */
import { compareText } from '../core/compare';
import { isRecord } from '../core/is-record';
import { SummaryInputError } from './errors';
import { ACTIONS } from './plan-summary';
import { diffValues, UNKNOWN, type ValueChange } from './value-diff';

export const RESOURCE_ACTIONS = ['create', 'update', 'replace', 'delete', 'forget'] as const;
export type ResourceAction = (typeof RESOURCE_ACTIONS)[number];

export interface ResourceChange {
  readonly address: string;
  readonly type: string;
  readonly action: ResourceAction;
  /** For a replace: the attributes that force it, `a.b[0]`; empty otherwise. */
  readonly forcedBy: readonly string[];
  /**
   * For an update: every changed attribute, old → new, sensitive values masked; for a replace,
   * those whose new value is known, and the forcing ones.
   */
  readonly changes: readonly ValueChange[];
}

function pathText(steps: unknown): string {
  if (!Array.isArray(steps)) return String(steps);
  return steps
    .map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? String(step) : `.${step}`))
    .join('');
}

/** The changes the plan makes to each managed resource; `baseline` addresses' identical changes dropped. */
export function resourceChanges(
  plan: Record<string, unknown>,
  where: string,
  baseline: ReadonlyMap<string, readonly ValueChange[]> = new Map(),
): ResourceChange[] {
  const list = plan.resource_changes ?? [];
  if (!Array.isArray(list)) throw new SummaryInputError(`${where}: "resource_changes" must be a list`);
  const result: ResourceChange[] = [];
  for (const entry of list) {
    if (!isRecord(entry) || !isRecord(entry.change) || typeof entry.address !== 'string') {
      throw new SummaryInputError(`${where}: a resource change without address or change`);
    }
    if (entry.mode !== 'managed') continue;
    const actions = Array.isArray(entry.change.actions) ? entry.change.actions.join(',') : '';
    const planAction = ACTIONS[actions];
    if (planAction === undefined)
      throw new SummaryInputError(`${where}: ${entry.address}: unknown actions "${actions}"`);
    if (planAction === 'no-op' || planAction === 'read') continue;
    const action: ResourceAction = planAction;
    const change = entry.change;
    const changes =
      action === 'update' || action === 'replace'
        ? diffValues(change.before, change.after, {
            afterUnknown: change.after_unknown,
            beforeSensitive: change.before_sensitive,
            afterSensitive: change.after_sensitive,
          })
        : [];
    // A replaced resource gets new ids, ARNs and endpoints: "known after apply" there is no news
    // unless the attribute is what forces the replacement.
    const forcedBy = Array.isArray(change.replace_paths) ? change.replace_paths.map(pathText).sort(compareText) : [];
    const shown =
      action === 'replace' ? changes.filter((c) => c.after !== UNKNOWN || forcedBy.includes(c.path)) : changes;
    const noise = baseline.get(entry.address);
    if (action === 'update' && noise && JSON.stringify(noise) === JSON.stringify(changes)) continue;
    result.push({
      address: entry.address,
      type: String(entry.type),
      action,
      forcedBy,
      changes: shown,
    });
  }
  return result.sort((a, b) => compareText(a.address, b.address));
}

/** The changes a plan of the base against its own state still makes, by address (see diff-plan.ts). */
export function baselineChanges(plan: Record<string, unknown>, where: string): Map<string, readonly ValueChange[]> {
  return new Map(resourceChanges(plan, where).map((change) => [change.address, change.changes]));
}
