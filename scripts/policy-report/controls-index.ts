import { compareText } from '../core/compare';
import type { ControlEntry } from './evidence';

/** Frameworks in the order auditors ask about them; any other label sorts after these. */
const FRAMEWORK_ORDER = ['GDPR ', 'CIS ', 'AWS FSBP '] as const;

function frameworkRank(control: string): number {
  const rank = FRAMEWORK_ORDER.findIndex((prefix) => control.startsWith(prefix));
  return rank === -1 ? FRAMEWORK_ORDER.length : rank;
}

/** "Art. 5(1)(e)" before "Art. 25(1)": digit runs compare as numbers, the rest by code unit. */
export function compareControls(a: string, b: string): number {
  const rank = frameworkRank(a) - frameworkRank(b);
  if (rank !== 0) return rank;
  const left = a.match(/\d+|\D+/g) ?? [];
  const right = b.match(/\d+|\D+/g) ?? [];
  for (let index = 0; index < Math.min(left.length, right.length); index += 1) {
    const x = left[index] as string;
    const y = right[index] as string;
    const order = /^\d/.test(x) && /^\d/.test(y) ? Number(x) - Number(y) : compareText(x, y);
    if (order !== 0) return order;
  }
  return left.length - right.length || compareText(a, b);
}

/** Every control named in the policies' METADATA, with the ids of the policies that evidence it. */
export function controlsIndex(policies: readonly { id: string; controls: readonly string[] }[]): ControlEntry[] {
  const byControl = new Map<string, Set<string>>();
  for (const policy of policies) {
    for (const control of policy.controls) byControl.set(control, (byControl.get(control) ?? new Set()).add(policy.id));
  }
  return [...byControl.entries()]
    .sort(([a], [b]) => compareControls(a, b))
    .map(([control, ids]) => ({ control, policies: [...ids].sort(compareText) }));
}
