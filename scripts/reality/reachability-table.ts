/**
 * The reachability table: one row per environment and flow, each layer's verdict with the rule
 * that decided it, and the result. Built from the `facts.reachability` entries of a gate run, so
 * the gate's pages and the auditor report show exactly what the policies judged.
 */

import { ENVIRONMENT_NAMES } from '../../environments/model';
import type { PolicyResource } from '../gate/types';
import {
  type FlowExpectation,
  REACHABILITY_LAYERS,
  type ReachabilityEntry,
  type ReachabilityLayer,
} from './reachability-types';

export interface ReachabilityRow {
  readonly environment: string;
  readonly flow: string;
  readonly expectation: FlowExpectation;
  readonly layers: Partial<Record<ReachabilityLayer, Pick<ReachabilityEntry, 'verdict' | 'rule' | 'detail'>>>;
  /** `open`, `refused`, `blocked at …`, `admitted at …` or `not judged`. */
  readonly result: string;
  /** False when a policy reports the row (ECO-SUP-050 or ECO-SUP-051). */
  readonly ok: boolean;
}

export const REACHABILITY_HEADERS = [
  'flow',
  'expected',
  'route',
  'network ACL',
  'security group',
  'NetworkPolicy',
  'result',
] as const;

function resultOf(row: Omit<ReachabilityRow, 'result' | 'ok'>): Pick<ReachabilityRow, 'result' | 'ok'> {
  const at = (verdict: string) => REACHABILITY_LAYERS.filter((layer) => row.layers[layer]?.verdict === verdict);
  if (row.expectation === 'needed') {
    const blocked = at('blocked');
    if (blocked.length > 0) return { result: `blocked at ${blocked.join(', ')}`, ok: false };
    return at('allowed').length > 0 ? { result: 'open', ok: true } : { result: 'not judged', ok: true };
  }
  const admitted = at('allowed');
  if (admitted.length > 0) return { result: `admitted at ${admitted.join(', ')}`, ok: false };
  return at('blocked').length > 0 ? { result: 'refused', ok: true } : { result: 'not judged', ok: true };
}

const EXPECTATION_ORDER: readonly FlowExpectation[] = ['needed', 'forbidden'];

const environmentOrder = (name: string) => {
  const index = (ENVIRONMENT_NAMES as readonly string[]).indexOf(name);
  return index < 0 ? ENVIRONMENT_NAMES.length : index;
};

/** Every flow judged in a gate run, by environment (dev, staging, prod), needed before forbidden, then by name. */
export function reachabilityRows(resources: readonly PolicyResource[]): ReachabilityRow[] {
  const rows = new Map<
    string,
    { environment: string; flow: string; expectation: FlowExpectation; layers: ReachabilityRow['layers'] }
  >();
  for (const resource of resources) {
    for (const entry of (resource.facts.reachability as readonly ReachabilityEntry[] | undefined) ?? []) {
      const environment = resource.environment ?? 'unknown';
      const key = `${environment}\u0000${entry.flow}`;
      const row = rows.get(key) ?? { environment, flow: entry.flow, expectation: entry.expectation, layers: {} };
      row.layers = { ...row.layers, [entry.layer]: { verdict: entry.verdict, rule: entry.rule, detail: entry.detail } };
      rows.set(key, row);
    }
  }
  return [...rows.values()]
    .map((row) => ({ ...row, ...resultOf(row) }))
    .sort(
      (a, b) =>
        environmentOrder(a.environment) - environmentOrder(b.environment) ||
        a.environment.localeCompare(b.environment) ||
        EXPECTATION_ORDER.indexOf(a.expectation) - EXPECTATION_ORDER.indexOf(b.expectation) ||
        a.flow.localeCompare(b.flow),
    );
}

/** A layer's cell as text: its verdict and the deciding rule, or `–` when the flow does not reach the layer. */
export function layerCell(
  row: ReachabilityRow,
  layer: ReachabilityLayer,
): { verdict: string; rule: string; detail: string } {
  const cell = row.layers[layer];
  if (!cell) return { verdict: '–', rule: '', detail: '' };
  return { verdict: cell.verdict, rule: cell.rule, detail: cell.detail };
}

/** Per environment, one line of counts, then every row a policy reports: the terminal's view. */
export function reachabilityTextLines(rows: readonly ReachabilityRow[]): string[] {
  const lines: string[] = [];
  for (const environment of [...new Set(rows.map((row) => row.environment))]) {
    const mine = rows.filter((row) => row.environment === environment);
    const count = (expectation: FlowExpectation, result: (row: ReachabilityRow) => boolean) =>
      mine.filter((r) => r.expectation === expectation && result(r)).length;
    const judged = (ok: boolean) => (row: ReachabilityRow) => row.ok === ok && row.result !== 'not judged';
    lines.push(
      `REACHABILITY ${environment}: ${mine.length} flows; needed ${count('needed', judged(true))} open, ${count('needed', judged(false))} blocked; forbidden ${count('forbidden', judged(true))} refused, ${count('forbidden', judged(false))} admitted; ${mine.filter((r) => r.result === 'not judged').length} not judged`,
    );
    for (const row of mine.filter((r) => !r.ok)) {
      const layers = REACHABILITY_LAYERS.filter((layer) => row.layers[layer]).map(
        (layer) => `${layer} ${layerCell(row, layer).verdict} (${layerCell(row, layer).rule})`,
      );
      lines.push(`  ${row.flow} [${row.expectation}] ${row.result}: ${layers.join('; ')}`);
    }
  }
  return lines;
}
