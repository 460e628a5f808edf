/**
 * The Kubernetes side of a flow: the source pod's egress and the destination pod's ingress under
 * the NetworkPolicies of its environment, on every port of the flow, for every pod on each end.
 */

import { type ClusterIndex, judgeSide, type Peer, policyPortRanges, type SideVerdict } from './network-policy-index';
import { describePorts, probePorts } from './port-segments';
import type { ClusterFlow } from './reachability-cluster-flows';
import type { Decision } from './reachability-types';

function peerLabel(peer: Peer): string {
  return peer.kind === 'pod' ? peer.pod.label : peer.label;
}

/** The verdict of one flow at the NetworkPolicy layer, naming the policy that decided. */
export function judgeClusterFlow(index: ClusterIndex, flow: ClusterFlow, anchor: string): Decision {
  if (flow.notApplicable) return { verdict: 'not-applicable', ...flow.notApplicable };
  const probes = probePorts(flow.ports, policyPortRanges(index));
  let first: Decision | undefined;
  for (const from of flow.from) {
    for (const to of flow.to) {
      for (const protocol of flow.protocols) {
        for (const port of probes) {
          const out: SideVerdict | undefined =
            from.kind === 'pod' ? judgeSide(index, from.pod, 'egress', to, protocol, port) : undefined;
          const into: SideVerdict | undefined =
            to.kind === 'pod' ? judgeSide(index, to.pod, 'ingress', from, protocol, port) : undefined;
          const open = (out?.allowed ?? true) && (into?.allowed ?? true);
          const words = [out?.words, into?.words].filter(Boolean).join('; ');
          if (flow.expectation === 'needed' && !open) {
            const failing = out && !out.allowed ? out : (into as SideVerdict);
            return { verdict: 'blocked', rule: failing.rule, detail: failing.words };
          }
          if (flow.expectation === 'forbidden' && open) {
            return {
              verdict: 'allowed',
              rule: (into ?? out)?.rule ?? anchor,
              detail: `${peerLabel(from)} → ${peerLabel(to)} ${protocol} ${port}: ${words}`,
            };
          }
          if (!first) {
            const deciding =
              flow.expectation === 'needed'
                ? into?.rule.startsWith('NetworkPolicy/')
                  ? into
                  : (out ?? into)
                : out && !out.allowed
                  ? out
                  : into;
            first = {
              verdict: flow.expectation === 'needed' ? 'allowed' : 'blocked',
              rule: deciding?.rule ?? anchor,
              detail:
                flow.expectation === 'needed'
                  ? words
                  : `${protocol} ${describePorts(flow.ports)}: ${deciding?.words ?? words}`,
            };
          }
        }
      }
    }
  }
  return first ?? { verdict: 'not-applicable', rule: anchor, detail: 'no pod pair to judge' };
}
