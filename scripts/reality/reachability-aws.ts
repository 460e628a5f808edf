/**
 * The AWS side of a flow, layer by layer, over one synthesized stack: routing (route tables,
 * internet and NAT gateways, gateway endpoints), network ACLs (stateless: first matching rule
 * by number, both directions, replies on the client's ephemeral ports) and security groups
 * (stateful: the source's egress and the destination's ingress, by CIDR or by group).
 */

import {
  clientPorts,
  type NetworkFlow,
  type NetworkRole,
  REMOTE_ADMINISTRATION_PORTS,
  roleTier,
} from '../../environments/network-flows';
import type { PortRange } from '../../environments/ports';
import { describePorts, inRange, probePorts } from './port-segments';
import {
  type Address,
  cidrContains,
  clusterGroupOf,
  type RoleGroups,
  type SecurityGroupRule,
  type StackNetwork,
  type Subnet,
  sampleOf,
} from './reachability-aws-stack';
import type { Decision, FlowExpectation, ReachabilityLayer } from './reachability-types';

/** Addresses that stand for everything outside the VPC (RFC 5737 documentation ranges). */
const OUTSIDE: Readonly<Record<'internet' | 'aws-services', Address>> = {
  internet: sampleOf('198.51.100.7/32') as Address,
  'aws-services': sampleOf('203.0.113.10/32') as Address,
};

type Endpoint =
  | { readonly kind: 'outside'; readonly sample: Address; readonly label: string }
  | { readonly kind: 'subnet'; readonly subnet: Subnet; readonly sample: Address; readonly label: string };

interface Pair {
  readonly from: Endpoint;
  readonly to: Endpoint;
}

function endpoints(network: StackNetwork, role: NetworkRole): Endpoint[] {
  if (role === 'internet' || role === 'aws-services') return [{ kind: 'outside', sample: OUTSIDE[role], label: role }];
  return network
    .roleSubnets(role)
    .map((subnet) => ({ kind: 'subnet', subnet, sample: subnet.sample, label: `${subnet.address} (${subnet.cidr})` }));
}

const ANYWHERE = '0.0.0.0/0';

function defaultRoute(network: StackNetwork, routeTable: string | undefined) {
  return network.routes.find((r) => r.routeTable === routeTable && r.destination === ANYWHERE);
}

/** The NAT gateway's subnet that a private subnet's default route leads to. */
function natSubnetOf(network: StackNetwork, subnet: Subnet): Subnet | undefined {
  const nat = defaultRoute(network, subnet.routeTable)?.natGateway;
  const address = nat ? network.natSubnets.get(nat) : undefined;
  return network.subnets.find((s) => s.address === address);
}

const allowed = (rule: string, detail: string): Decision => ({ verdict: 'allowed', rule, detail });
const blocked = (rule: string, detail: string): Decision => ({ verdict: 'blocked', rule, detail });
const notApplicable = (rule: string, detail: string): Decision => ({ verdict: 'not-applicable', rule, detail });

function routeDecision(network: StackNetwork, flow: NetworkFlow, { from, to }: Pair): Decision {
  if (from.kind === 'subnet' && to.kind === 'subnet') {
    return notApplicable(
      network.vpc,
      `inside the VPC (${network.vpcCidr}): the local route carries it and cannot be removed`,
    );
  }
  if (from.kind === 'outside' && to.kind === 'subnet') {
    const route = defaultRoute(network, to.subnet.routeTable);
    if (route?.internetGateway)
      return allowed(
        route.address,
        `${to.label}: ${ANYWHERE} → ${route.internetGateway}, so replies leave the way requests came`,
      );
    return blocked(
      route?.address ?? to.subnet.routeTable ?? to.subnet.address,
      `${to.label}: no route to an internet gateway${route?.natGateway ? ` (${ANYWHERE} → ${route.natGateway}, which admits no connection from outside)` : ''}`,
    );
  }
  if (from.kind === 'subnet' && to.kind === 'outside') {
    const table = from.subnet.routeTable ?? from.subnet.address;
    if (flow.to === 'aws-services' && flow.via === undefined) {
      const endpoint = network.gatewayEndpoints.find(
        (e) => from.subnet.routeTable && e.routeTables.includes(from.subnet.routeTable),
      );
      return endpoint
        ? allowed(endpoint.address, `${from.label}: the gateway endpoint's prefix list route on ${table}`)
        : blocked(table, `${from.label}: no gateway endpoint is associated with ${table}`);
    }
    const route = defaultRoute(network, from.subnet.routeTable);
    if (!route) return blocked(table, `${from.label}: ${table} has no ${ANYWHERE} route`);
    if (flow.via === 'nat-gateway') {
      const natSubnet = natSubnetOf(network, from.subnet);
      const onward = natSubnet ? defaultRoute(network, natSubnet.routeTable) : undefined;
      if (!route.natGateway)
        return blocked(route.address, `${from.label}: ${ANYWHERE} does not go through a NAT gateway`);
      if (!onward?.internetGateway) {
        return blocked(
          onward?.address ?? route.natGateway,
          `${route.natGateway}'s subnet has no ${ANYWHERE} route to an internet gateway`,
        );
      }
      return allowed(route.address, `${ANYWHERE} → ${route.natGateway} → ${onward.internetGateway}`);
    }
    return route.internetGateway
      ? allowed(route.address, `${ANYWHERE} → ${route.internetGateway}`)
      : blocked(route.address, `${from.label}: ${ANYWHERE} does not go to an internet gateway`);
  }
  return notApplicable(network.vpc, 'outside the VPC at both ends');
}

/** One stateless check: the first rule (by number) matching the packet decides. */
interface AclCheck {
  readonly subnet: Subnet;
  readonly egress: boolean;
  readonly peer: Address;
  readonly ports: PortRange;
  /** A reply from outside the VPC: by policy it never gets a remote-administration port (ECO-SUP-021). */
  readonly replyFromOutside: boolean;
}

function aclVerdict(network: StackNetwork, check: AclCheck, protocol: string, port: number) {
  const acl = check.subnet.networkAcl;
  if (!acl)
    return {
      allow: true,
      rule: network.vpc,
      words: `${check.subnet.address} uses the VPC's default network ACL (allows all)`,
    };
  const rule = network.aclRules.find(
    (r) =>
      r.acl === acl &&
      r.egress === check.egress &&
      (r.protocol === '-1' || r.protocol === protocol) &&
      cidrContains(r.cidr, check.peer) &&
      inRange(port, r.ports),
  );
  const direction = check.egress ? 'egress' : 'ingress';
  if (!rule)
    return {
      allow: false,
      rule: acl,
      words: `${acl} ${direction}: no rule admits ${protocol} ${port}, the default rule (*) denies`,
    };
  return {
    allow: rule.allow,
    rule: rule.address,
    words: `${acl} ${direction} rule ${rule.number} ${rule.allow ? 'allows' : 'denies'} ${protocol} ${describePorts(rule.ports)} ${check.egress ? 'to' : 'from'} ${rule.cidr}`,
  };
}

function aclChecks(network: StackNetwork, flow: NetworkFlow, pair: Pair, forwardOnly: boolean): AclCheck[][] {
  const legs: { from: Endpoint; to: Endpoint; client: PortRange }[] = [];
  if (flow.via === 'nat-gateway' && pair.from.kind === 'subnet' && pair.to.kind === 'outside') {
    const nat = natSubnetOf(network, pair.from.subnet);
    if (nat) {
      const natEndpoint: Endpoint = { kind: 'subnet', subnet: nat, sample: nat.sample, label: nat.address };
      legs.push({ from: pair.from, to: natEndpoint, client: clientPorts(flow.from) });
      legs.push({ from: natEndpoint, to: pair.to, client: clientPorts('nat-gateway') });
    }
  } else {
    legs.push({ ...pair, client: clientPorts(flow.from) });
  }
  return legs.map(({ from, to, client }) => {
    // Traffic between two hosts of one subnet never crosses its ACL.
    if (from.kind === 'subnet' && to.kind === 'subnet' && from.subnet.address === to.subnet.address) return [];
    const checks: AclCheck[] = [];
    const plain = { replyFromOutside: false };
    if (from.kind === 'subnet') {
      checks.push({ ...plain, subnet: from.subnet, egress: true, peer: to.sample, ports: flow.ports });
      if (!forwardOnly) {
        const replyFromOutside = to.kind === 'outside';
        checks.push({ subnet: from.subnet, egress: false, peer: to.sample, ports: client, replyFromOutside });
      }
    }
    if (to.kind === 'subnet') {
      checks.push({ ...plain, subnet: to.subnet, egress: false, peer: from.sample, ports: flow.ports });
      if (!forwardOnly) checks.push({ ...plain, subnet: to.subnet, egress: true, peer: from.sample, ports: client });
    }
    return checks;
  });
}

function protocolsOf(flow: NetworkFlow): string[] {
  return flow.protocol === 'all' ? ['tcp', 'udp'] : [flow.protocol];
}

function aclDecision(network: StackNetwork, flow: NetworkFlow, pair: Pair, expectation: FlowExpectation): Decision {
  const legs = aclChecks(network, flow, pair, expectation === 'forbidden').filter((leg) => leg.length > 0);
  if (legs.length === 0) return notApplicable(network.vpc, 'inside one subnet: no network ACL is crossed');
  const excused = REMOTE_ADMINISTRATION_PORTS.map((port): PortRange => [port, port]);
  const ranges = [...network.aclRules.map((r) => r.ports), ...excused];
  if (expectation === 'needed') {
    const used: string[] = [];
    for (const check of legs.flat()) {
      for (const protocol of protocolsOf(flow)) {
        for (const port of probePorts(check.ports, ranges)) {
          if (check.replyFromOutside && REMOTE_ADMINISTRATION_PORTS.includes(port)) continue;
          const verdict = aclVerdict(network, check, protocol, port);
          if (!verdict.allow) return blocked(verdict.rule, verdict.words);
          if (!used.includes(verdict.words)) used.push(verdict.words);
        }
      }
    }
    return allowed(legs[0]?.[0]?.subnet.networkAcl ?? network.vpc, used.join('; '));
  }
  // Forbidden: open when one port passes every forward check of every leg.
  for (const protocol of protocolsOf(flow)) {
    for (const port of probePorts(flow.ports, ranges)) {
      const verdicts = legs.flat().map((check) => aclVerdict(network, check, protocol, port));
      if (verdicts.every((v) => v.allow)) {
        const last = verdicts.at(-1);
        return allowed(last?.rule ?? network.vpc, `${protocol} ${port}: ${verdicts.map((v) => v.words).join('; ')}`);
      }
    }
  }
  const refusal = legs
    .flat()
    .map((check) => aclVerdict(network, check, protocolsOf(flow)[0] as string, flow.ports[0]))
    .find((v) => !v.allow);
  return blocked(refusal?.rule ?? network.vpc, refusal?.words ?? 'no port passes every ACL on the way');
}

function groupLabel(network: StackNetwork, group: string): string {
  return network.cluster && group === clusterGroupOf(network.cluster)
    ? `the cluster security group of ${network.cluster}`
    : group;
}

/** The resource to name for a group: the EKS-made group is named by its cluster. */
function groupResource(network: StackNetwork, group: string): string {
  return network.cluster && group === clusterGroupOf(network.cluster) ? network.cluster : group;
}

function admittingRule(
  network: StackNetwork,
  groups: readonly string[],
  egress: boolean,
  peer: { sample: Address; groups: readonly string[] },
  protocol: string,
  port: number,
): SecurityGroupRule | undefined {
  return network.groupRules.find(
    (r) =>
      groups.includes(r.group) &&
      r.egress === egress &&
      (r.protocol === '-1' || r.protocol === protocol) &&
      inRange(port, r.ports) &&
      (r.cidrs.some((c) => cidrContains(c, peer.sample)) || r.groups.some((g) => peer.groups.includes(g))),
  );
}

type Side =
  | { verdict: 'skip' }
  | { verdict: 'managed'; words: string }
  | { verdict: 'groups'; groups: readonly string[] };

function sideOf(
  network: StackNetwork,
  role: NetworkRole,
  groups: RoleGroups,
  otherRole: NetworkRole,
  ingress: boolean,
): Side {
  if (roleTier(role) === 'internet' || role === 'nat-gateway') return { verdict: 'skip' };
  if (groups.kind === 'managed') {
    return {
      verdict: 'managed',
      words: `${role}: its security group is managed by the AWS Load Balancer Controller (listener ports in, all out)`,
    };
  }
  const clusterGroup = network.cluster ? clusterGroupOf(network.cluster) : undefined;
  if (
    ingress &&
    (otherRole === 'public-lb' || otherRole === 'internal-lb') &&
    clusterGroup &&
    groups.groups.includes(clusterGroup)
  ) {
    // With IP targets the controller adds the target-port rule from the load balancer's group to
    // the group tagged for the cluster: https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/security_groups/
    return {
      verdict: 'managed',
      words: `the AWS Load Balancer Controller admits the target port from ${otherRole} in ${groupLabel(network, clusterGroup)}`,
    };
  }
  return { verdict: 'groups', groups: groups.groups };
}

function groupDecision(network: StackNetwork, flow: NetworkFlow, pair: Pair, expectation: FlowExpectation): Decision {
  const fromGroups = network.roleGroups(flow.from);
  const toGroups = network.roleGroups(flow.to);
  const source = sideOf(network, flow.from, fromGroups, flow.to, false);
  const target = sideOf(network, flow.to, toGroups, flow.from, true);
  if (source.verdict === 'skip' && target.verdict === 'skip')
    return notApplicable(network.vpc, 'no security group on either end');
  const peerGroups = (g: RoleGroups) => (g.kind === 'declared' ? g.groups : []);
  const ranges = network.groupRules.map((r) => r.ports);
  const judge = (side: Side, egress: boolean, protocol: string, port: number) => {
    if (side.verdict === 'skip') return { ok: true, rule: undefined, words: '' };
    if (side.verdict === 'managed') return { ok: true, rule: CONTROLLER_MANAGED, words: side.words };
    const peer = egress
      ? { sample: pair.to.sample, groups: peerGroups(toGroups) }
      : { sample: pair.from.sample, groups: peerGroups(fromGroups) };
    const rule = admittingRule(network, side.groups, egress, peer, protocol, port);
    const names = side.groups.map((g) => groupLabel(network, g)).join(', ') || 'no security group';
    if (rule) {
      const what = rule.address === network.cluster ? groupLabel(network, rule.group) : rule.address;
      return {
        ok: true,
        rule: rule.address,
        words: `${what} ${egress ? 'egress' : 'ingress'} admits ${protocol} ${port}`,
      };
    }
    return {
      ok: false,
      rule: side.groups[0] ? groupResource(network, side.groups[0]) : network.vpc,
      words: `${names}: no ${egress ? 'egress' : 'ingress'} rule admits ${protocol} ${port} ${egress ? 'to' : 'from'} ${egress ? pair.to.label : pair.from.label}`,
    };
  };
  let first: Decision | undefined;
  for (const protocol of protocolsOf(flow)) {
    for (const port of probePorts(flow.ports, ranges)) {
      const out = judge(source, true, protocol, port);
      const into = judge(target, false, protocol, port);
      const words = [out.words, into.words].filter(Boolean).join('; ');
      const rule = (target.verdict === 'skip' ? out.rule : into.rule) ?? network.vpc;
      const open = out.ok && into.ok;
      if (expectation === 'forbidden' && open) return allowed(rule, words);
      if (expectation === 'needed' && !open) {
        const failing = out.ok ? into : out;
        return blocked(failing.rule ?? network.vpc, failing.words);
      }
      if (!first) {
        const refusing = out.ok ? into : out;
        first = expectation === 'needed' ? allowed(rule, words) : blocked(refusing.rule ?? rule, refusing.words);
      }
    }
  }
  return first ?? notApplicable(network.vpc, 'no port to judge');
}

/** What decides a load balancer's security groups: not the stack, the controller (shown in the table). */
const CONTROLLER_MANAGED = 'AWS Load Balancer Controller';

type Judge = (network: StackNetwork, flow: NetworkFlow, pair: Pair, expectation: FlowExpectation) => Decision;

const JUDGES: Readonly<Record<Exclude<ReachabilityLayer, 'network-policy'>, Judge>> = {
  route: (network, flow, pair) => routeDecision(network, flow, pair),
  'network-acl': aclDecision,
  'security-group': groupDecision,
};

/** A flow's verdict at each AWS layer, over every pair of subnets its two roles use. */
export function judgeAwsFlow(
  network: StackNetwork,
  flow: NetworkFlow,
  expectation: FlowExpectation,
): Readonly<Record<keyof typeof JUDGES, Decision>> {
  const from = endpoints(network, flow.from);
  const to = endpoints(network, flow.to);
  const pairs = from.flatMap((f) => to.map((t) => ({ from: f, to: t })));
  const result = {} as Record<keyof typeof JUDGES, Decision>;
  for (const layer of Object.keys(JUDGES) as (keyof typeof JUDGES)[]) {
    if (pairs.length === 0) {
      result[layer] = notApplicable(network.vpc, `the stack places no ${from.length === 0 ? flow.from : flow.to}`);
      continue;
    }
    const decisions = pairs.map((pair) => JUDGES[layer](network, flow, pair, expectation));
    // Needed: every pair of subnets must pass; forbidden: one open pair is enough.
    const decisive =
      expectation === 'needed'
        ? decisions.find((d) => d.verdict === 'blocked')
        : decisions.find((d) => d.verdict === 'allowed');
    result[layer] = decisive ?? decisions.find((d) => d.verdict !== 'not-applicable') ?? (decisions[0] as Decision);
  }
  return result;
}
