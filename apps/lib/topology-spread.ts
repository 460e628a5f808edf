/** One `topologySpreadConstraints` entry, as pod specs and Helm charts take it. */
export interface TopologySpread {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  readonly labelSelector: { readonly matchLabels: Readonly<Record<string, string>> };
}

/**
 * Replicas spread evenly across availability zones, then across nodes. Zones are a hard rule
 * (a zone outage must not take every replica); nodes a soft one, so that a small node group
 * (dev) or a drain can still place a pod next to another rather than leave it pending.
 * https://kubernetes.io/docs/concepts/scheduling-eviction/topology-spread-constraints/
 */
export function zoneAndNodeSpread(matchLabels: Readonly<Record<string, string>>): TopologySpread[] {
  return [
    {
      maxSkew: 1,
      topologyKey: 'topology.kubernetes.io/zone',
      whenUnsatisfiable: 'DoNotSchedule',
      labelSelector: { matchLabels: { ...matchLabels } },
    },
    {
      maxSkew: 1,
      topologyKey: 'kubernetes.io/hostname',
      whenUnsatisfiable: 'ScheduleAnyway',
      labelSelector: { matchLabels: { ...matchLabels } },
    },
  ];
}
