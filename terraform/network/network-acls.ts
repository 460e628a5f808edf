import { NetworkAcl } from '@cdktf/provider-aws/lib/network-acl';
import { NetworkAclRule } from '@cdktf/provider-aws/lib/network-acl-rule';
import { Construct } from 'constructs';
import {
  clientPorts,
  type Environment,
  type FlowProtocol,
  NEEDED_FLOWS,
  type NetworkFlow,
  type NetworkRole,
  type PortRange,
  REMOTE_ADMINISTRATION_PORTS,
  roleTier,
} from '../../environments';
import { nameTag } from '../lib/tags';

export interface NetworkAclsProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** ID of the environment VPC. */
  readonly vpcId: string;
  /** Subnets of the public tier. */
  readonly publicSubnetIds: readonly string[];
  /** Subnets of the private tier. */
  readonly privateSubnetIds: readonly string[];
  /**
   * The flows the ACLs must carry.
   * @default NEEDED_FLOWS (environments/network-flows.ts)
   */
  readonly flows?: readonly NetworkFlow[];
}

/** A subnet tier with a network ACL. */
export type AclTier = 'public' | 'private';

/** One stateless rule. Network ACLs do not track connections, so replies need rules too. */
export interface AclRule {
  /** Evaluated lowest first; the first match decides. */
  readonly number: number;
  /** Kebab-case description (`tcp-443-from-internet`), part of the resource name. */
  readonly name: string;
  readonly direction: 'ingress' | 'egress';
  readonly protocol: FlowProtocol;
  /** The peer: where ingress comes from, where egress goes to. */
  readonly cidr: string;
  /** Inclusive port range; absent for `all`. */
  readonly ports?: PortRange;
}

/** The ACL rules of both tiers. */
export type TierRules = Readonly<Record<AclTier, readonly AclRule[]>>;

const ANYWHERE = '0.0.0.0/0';
const FIRST_RULE = 100;
const RULE_STEP = 10;

/** A peer address set, labelled for rule names. */
interface Peer {
  readonly cidr: string;
  readonly label: string;
}

/** The addresses of a role in the environment: its tier's subnets, or anywhere outside. */
function peersOf(env: Environment, role: NetworkRole): readonly Peer[] {
  const tier = roleTier(role);
  if (tier === 'internet') return [{ cidr: ANYWHERE, label: 'internet' }];
  const subnets = tier === 'public' ? env.network.publicSubnets : env.network.privateSubnets;
  return subnets.map((s) => ({ cidr: s.cidr, label: `${tier}-${s.availabilityZone.slice(-1)}` }));
}

/**
 * One leg of a flow between two tiers, as packets show it: the source and destination
 * addresses, the destination ports, and the client ports the replies return to.
 */
interface Hop {
  readonly fromTier: ReturnType<typeof roleTier>;
  readonly toTier: ReturnType<typeof roleTier>;
  readonly sources: readonly Peer[];
  readonly destinations: readonly Peer[];
  readonly protocol: FlowProtocol;
  readonly ports: PortRange;
  readonly replyPorts: PortRange;
}

/**
 * The legs of a flow. Through a NAT gateway the first leg keeps the final destination address
 * (the route, not the packet, sends it to the NAT) and the second leg leaves from the NAT with
 * the NAT's own client ports; replies retrace both legs.
 */
export function hopsOf(env: Environment, flow: NetworkFlow): readonly Hop[] {
  const sources = peersOf(env, flow.from);
  const destinations = peersOf(env, flow.to);
  if (flow.via === 'nat-gateway') {
    return [
      {
        fromTier: roleTier(flow.from),
        toTier: roleTier('nat-gateway'),
        sources,
        destinations,
        protocol: flow.protocol,
        ports: flow.ports,
        replyPorts: clientPorts(flow.from),
      },
      {
        fromTier: roleTier('nat-gateway'),
        toTier: roleTier(flow.to),
        sources: peersOf(env, 'nat-gateway'),
        destinations,
        protocol: flow.protocol,
        ports: flow.ports,
        replyPorts: clientPorts('nat-gateway'),
      },
    ];
  }
  return [
    {
      fromTier: roleTier(flow.from),
      toTier: roleTier(flow.to),
      sources,
      destinations,
      protocol: flow.protocol,
      ports: flow.ports,
      replyPorts: clientPorts(flow.from),
    },
  ];
}

interface Grant {
  readonly tier: AclTier;
  readonly direction: AclRule['direction'];
  readonly protocol: FlowProtocol;
  readonly peer: Peer;
  readonly ports: PortRange;
}

/** What each hop needs from the ACL it leaves and the ACL it enters, both ways. */
function grantsOf(hop: Hop): Grant[] {
  const grants: Grant[] = [];
  const { protocol, ports, replyPorts } = hop;
  if (hop.fromTier !== 'internet') {
    const tier = hop.fromTier;
    for (const peer of hop.destinations) {
      grants.push({ tier, direction: 'egress', protocol, peer, ports });
      grants.push({ tier, direction: 'ingress', protocol, peer, ports: replyPorts });
    }
  }
  if (hop.toTier !== 'internet') {
    const tier = hop.toTier;
    for (const peer of hop.sources) {
      grants.push({ tier, direction: 'ingress', protocol, peer, ports });
      grants.push({ tier, direction: 'egress', protocol, peer, ports: replyPorts });
    }
  }
  return grants;
}

/** Sorted, merged ranges: overlapping or adjacent ranges become one. */
function mergeRanges(ranges: readonly PortRange[]): PortRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [from, to] of sorted) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** Removes single ports from ranges (the remote-administration ports, for internet peers). */
function withoutPorts(ranges: readonly PortRange[], ports: readonly number[]): PortRange[] {
  let result: PortRange[] = [...ranges];
  for (const port of ports) {
    result = result.flatMap(([from, to]): PortRange[] => {
      if (port < from || port > to) return [[from, to]];
      return [
        ...(from <= port - 1 ? [[from, port - 1] as const] : []),
        ...(port + 1 <= to ? [[port + 1, to] as const] : []),
      ];
    });
  }
  return result;
}

/** A rule before it is numbered. */
interface Candidate {
  readonly protocol: FlowProtocol;
  readonly peer: Peer;
  readonly ports?: PortRange;
  readonly name: string;
}

const PEER_ORDER = (label: string) => (label === 'internet' ? 'z' : label);
const PROTOCOL_ORDER: Readonly<Record<FlowProtocol, number>> = { all: 0, tcp: 1, udp: 2 };

function portsLabel(ports: PortRange): string {
  return ports[0] === ports[1] ? `${ports[0]}` : `${ports[0]}-${ports[1]}`;
}

/**
 * The ACL rules of both tiers, derived from the flows: every hop gets its rule where it leaves a
 * tier and where it enters one, and its replies the reverse rules on the client's ephemeral
 * ports. Rules for the same peer and protocol merge their port ranges; an `all` rule absorbs the
 * narrower ones of its peer. Internet peers never get a remote-administration port (22, 3389),
 * even inside an ephemeral range. Numbered from 100 in steps of 10, per tier and direction.
 */
export function aclRulesFromFlows(env: Environment, flows: readonly NetworkFlow[] = NEEDED_FLOWS): TierRules {
  const grants = flows.flatMap((flow) => hopsOf(env, flow).flatMap(grantsOf));
  const rulesOf = (tier: AclTier): AclRule[] =>
    (['ingress', 'egress'] as const).flatMap((direction) => {
      const mine = grants.filter((g) => g.tier === tier && g.direction === direction);
      const peers = [...new Map(mine.map((g) => [g.peer.cidr, g.peer])).values()].sort((a, b) =>
        PEER_ORDER(a.label).localeCompare(PEER_ORDER(b.label)),
      );
      const unnumbered = peers.flatMap((peer): Candidate[] => {
        const forPeer = mine.filter((g) => g.peer.cidr === peer.cidr);
        const preposition = direction === 'ingress' ? 'from' : 'to';
        if (forPeer.some((g) => g.protocol === 'all')) {
          return [{ protocol: 'all', peer, name: `all-${preposition}-${peer.label}` }];
        }
        return (['tcp', 'udp'] as const).flatMap((protocol) => {
          let ranges = mergeRanges(forPeer.filter((g) => g.protocol === protocol).map((g) => g.ports));
          if (peer.cidr === ANYWHERE && direction === 'ingress')
            ranges = withoutPorts(ranges, REMOTE_ADMINISTRATION_PORTS);
          return ranges.map(
            (ports): Candidate => ({
              protocol,
              peer,
              ports,
              name: `${protocol}-${portsLabel(ports)}-${preposition}-${peer.label}`,
            }),
          );
        });
      });
      unnumbered.sort(
        (a, b) =>
          PEER_ORDER(a.peer.label).localeCompare(PEER_ORDER(b.peer.label)) ||
          PROTOCOL_ORDER[a.protocol] - PROTOCOL_ORDER[b.protocol] ||
          (a.ports?.[0] ?? 0) - (b.ports?.[0] ?? 0),
      );
      return unnumbered.map(
        (rule, index): AclRule => ({
          number: FIRST_RULE + index * RULE_STEP,
          name: rule.name,
          direction,
          protocol: rule.protocol,
          cidr: rule.peer.cidr,
          ...(rule.ports ? { ports: rule.ports } : {}),
        }),
      );
    });
  return { public: rulesOf('public'), private: rulesOf('private') };
}

const PROTOCOL_NUMBER: Readonly<Record<FlowProtocol, string>> = { all: '-1', tcp: 'tcp', udp: 'udp' };

/**
 * A network ACL per tier whose rules are derived from the platform's declared flows
 * (environments/network-flows.ts); anything no flow needs is denied by the ACL's final rule.
 */
export class NetworkAcls extends Construct {
  readonly publicAcl: NetworkAcl;
  readonly privateAcl: NetworkAcl;
  readonly rules: TierRules;

  constructor(scope: Construct, id: string, props: NetworkAclsProps) {
    super(scope, id);
    const env = props.environment;
    this.rules = aclRulesFromFlows(env, props.flows ?? NEEDED_FLOWS);
    this.publicAcl = this.acl(env, 'public', props.vpcId, props.publicSubnetIds, this.rules.public);
    this.privateAcl = this.acl(env, 'private', props.vpcId, props.privateSubnetIds, this.rules.private);
  }

  private acl(
    env: Environment,
    tier: AclTier,
    vpcId: string,
    subnetIds: readonly string[],
    rules: readonly AclRule[],
  ): NetworkAcl {
    const acl = new NetworkAcl(this, tier, { vpcId, subnetIds: [...subnetIds], tags: nameTag(env.name, tier) });
    for (const rule of rules) {
      const [fromPort, toPort] = rule.ports ?? [0, 0];
      new NetworkAclRule(this, `${tier}-${rule.direction}-${rule.number}-${rule.name}`, {
        networkAclId: acl.id,
        ruleNumber: rule.number,
        egress: rule.direction === 'egress',
        protocol: PROTOCOL_NUMBER[rule.protocol],
        ruleAction: 'allow',
        cidrBlock: rule.cidr,
        fromPort,
        toPort,
      });
    }
    return acl;
  }
}
