/**
 * Port ranges judged piecewise: rules only change their answer at their own range boundaries, so
 * one port per segment between boundaries stands for the whole segment (65,536 ports become a
 * handful of probes).
 */

import type { PortRange } from '../../environments/ports';

/** One representative port per segment of `range` cut at every boundary of `ruleRanges`. */
export function probePorts(range: PortRange, ruleRanges: readonly PortRange[]): number[] {
  const cuts = new Set<number>([range[0]]);
  for (const [from, to] of ruleRanges) {
    if (from > range[0] && from <= range[1]) cuts.add(from);
    if (to + 1 > range[0] && to + 1 <= range[1]) cuts.add(to + 1);
  }
  return [...cuts].sort((a, b) => a - b);
}

export function inRange(port: number, [from, to]: PortRange): boolean {
  return from <= port && port <= to;
}

export function describePorts([from, to]: PortRange): string {
  return from === to ? `${from}` : `${from}-${to}`;
}
