/**
 * The shapes of `facts.reachability` (policies/README.md, "Facts"): one entry per flow and layer,
 * carried by the resource whose rule decided it, so a policy can point at that rule.
 */

/** The layers a packet crosses: AWS routing, subnet ACLs, security groups, Kubernetes NetworkPolicies. */
export const REACHABILITY_LAYERS = ['route', 'network-acl', 'security-group', 'network-policy'] as const;
export type ReachabilityLayer = (typeof REACHABILITY_LAYERS)[number];

/** `not-applicable`: the flow does not cross this layer, or the layer cannot refuse it (the VPC's local route). */
export type LayerVerdict = 'allowed' | 'blocked' | 'not-applicable';

export type FlowExpectation = 'needed' | 'forbidden';

/** One flow, judged at one layer. */
export interface ReachabilityEntry {
  readonly flow: string;
  readonly expectation: FlowExpectation;
  readonly layer: ReachabilityLayer;
  readonly verdict: LayerVerdict;
  /** The address of the resource whose rule decided, or what decided when no resource did. */
  readonly rule: string;
  /** The rule's words: which rule number, port, peer or selector admitted or refused it. */
  readonly detail: string;
}

/** A flow to judge, whatever layer: its name and what is expected of it. */
export interface FlowUnderTest {
  readonly name: string;
  readonly expectation: FlowExpectation;
}

/** A verdict and the resource address (or description) that decided it. */
export interface Decision {
  readonly verdict: LayerVerdict;
  readonly rule: string;
  readonly detail: string;
}

export function entryOf(flow: FlowUnderTest, layer: ReachabilityLayer, decision: Decision): ReachabilityEntry {
  return { flow: flow.name, expectation: flow.expectation, layer, ...decision };
}
