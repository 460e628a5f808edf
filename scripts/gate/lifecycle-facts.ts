/**
 * `facts.lifecycle`: the support calendar's verdict on a pinned version, on the gate's `--today`.
 * Date arithmetic in Rego (wasm has no calendar) would be contorted, so TypeScript computes it
 * from environments/support-calendar.ts and the policies only compare `status`
 * (policies/README.md, "Facts").
 */

import { isRecord } from '../core/is-record';
import { judgeEks, judgeRdsPostgres, judgeRelease, type LifecycleJudgement } from '../lib/support-lifecycle';
import type { PolicyResource } from './types';

function judgementOf(resource: PolicyResource, today: string): LifecycleJudgement | undefined {
  const values = resource.values;
  if (resource.source !== 'kubernetes') {
    if (resource.type === 'aws_eks_cluster' && typeof values.version === 'string') {
      return judgeEks(values.version, today);
    }
    if (
      resource.type === 'aws_db_instance' &&
      values.engine === 'postgres' &&
      typeof values.engine_version === 'string'
    ) {
      return judgeRdsPostgres(values.engine_version, today);
    }
    return undefined;
  }
  if (resource.type !== 'Application' || !resource.apiVersion?.startsWith('argoproj.io/')) return undefined;
  const spec = isRecord(values.spec) ? values.spec : {};
  const sources = [spec.source, ...(Array.isArray(spec.sources) ? spec.sources : [])].filter(isRecord);
  const chart = sources.find((s) => typeof s.chart === 'string' && typeof s.targetRevision === 'string');
  return chart ? judgeRelease(chart.chart as string, chart.targetRevision as string, today) : undefined;
}

/** The resources with `facts.lifecycle` added where a support calendar applies. */
export function withLifecycleFacts(resources: readonly PolicyResource[], today: string): PolicyResource[] {
  return resources.map((resource) => {
    const lifecycle = judgementOf(resource, today);
    return lifecycle ? { ...resource, facts: { ...resource.facts, lifecycle } } : resource;
  });
}
