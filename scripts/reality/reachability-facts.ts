/**
 * `facts.reachability` (policies/README.md, "Facts"): the verdict of every flow of the model at
 * each layer it crosses, computed in TypeScript because reachability over rule sets would be
 * contorted in Rego. Each entry is carried by the resource whose rule decided it (a network ACL
 * or one of its rules, a security group rule, a route, a NetworkPolicy), so ECO-SUP-050 and
 * ECO-SUP-051 point at that rule; entries no resource decided ride on the VPC or the first
 * Namespace of the environment. The AWS layers are judged per Terraform stack, the NetworkPolicy
 * layer per `clusters/<env>` group.
 */

import { environment } from '../../environments';
import { FORBIDDEN_FLOWS, NEEDED_FLOWS } from '../../environments/network-flows';
import type { PolicyResource } from '../gate/types';
import { indexCluster } from './network-policy-index';
import { judgeAwsFlow } from './reachability-aws';
import { indexStack } from './reachability-aws-stack';
import { clusterFlows } from './reachability-cluster-flows';
import { judgeClusterFlow } from './reachability-kubernetes';
import { entryOf, type ReachabilityEntry, type ReachabilityLayer } from './reachability-types';

function attach(
  resources: readonly PolicyResource[],
  entries: readonly ReachabilityEntry[],
  anchor: string,
): PolicyResource[] {
  const addresses = new Set(resources.map((r) => r.address));
  const byAddress = new Map<string, ReachabilityEntry[]>();
  for (const entry of entries) {
    const at = addresses.has(entry.rule) ? entry.rule : anchor;
    const carried = byAddress.get(at) ?? [];
    carried.push(entry);
    byAddress.set(at, carried);
  }
  return resources.map((r) => {
    const mine = byAddress.get(r.address);
    return mine ? { ...r, facts: { ...r.facts, reachability: mine } } : r;
  });
}

/** One Terraform configuration's resources with the AWS layers' verdicts added (plans are left as they are). */
export function withStackReachabilityFacts(resources: PolicyResource[]): PolicyResource[] {
  if (resources[0]?.source !== 'terraform') return resources;
  const network = indexStack(resources);
  if (!network) return resources;
  const entries = [
    ...NEEDED_FLOWS.map((flow) => ({ flow, expectation: 'needed' as const })),
    ...FORBIDDEN_FLOWS.map((flow) => ({ flow, expectation: 'forbidden' as const })),
  ].flatMap(({ flow, expectation }) => {
    const decisions = judgeAwsFlow(network, flow, expectation);
    const under = { name: flow.name, expectation };
    return (Object.keys(decisions) as (keyof typeof decisions)[]).map(
      (layer: ReachabilityLayer & keyof typeof decisions) => entryOf(under, layer, decisions[layer]),
    );
  });
  return attach(resources, entries, network.vpc);
}

const CLUSTER_GROUP = /^clusters\/[^/]+$/;

/** Every `clusters/<env>` group's resources with the NetworkPolicy layer's verdicts added; the rest unchanged. */
export function withClusterReachabilityFacts(resources: PolicyResource[]): PolicyResource[] {
  const groups = new Map<string, PolicyResource[]>();
  for (const r of resources) {
    if (r.source !== 'kubernetes' || !r.environment || !CLUSTER_GROUP.test(r.group)) continue;
    const members = groups.get(r.group) ?? [];
    members.push(r);
    groups.set(r.group, members);
  }
  if (groups.size === 0) return resources;
  const replaced = new Map<PolicyResource, PolicyResource>();
  for (const members of groups.values()) {
    const env = environment(members[0]?.environment as NonNullable<PolicyResource['environment']>);
    const index = indexCluster(members);
    if (index.policies.length === 0) continue;
    const anchor = [...index.namespaces.values()].map((n) => n.address).sort()[0] ?? index.policies[0]?.address ?? '';
    const entries = clusterFlows(env, index, members).map((flow) =>
      entryOf(flow, 'network-policy', judgeClusterFlow(index, flow, anchor)),
    );
    const updated = attach(members, entries, anchor);
    members.forEach((member, i) => {
      if (updated[i] !== member) replaced.set(member, updated[i] as PolicyResource);
    });
  }
  return resources.map((r) => replaced.get(r) ?? r);
}
