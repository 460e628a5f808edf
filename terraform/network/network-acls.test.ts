import {
  clientPorts,
  ENVIRONMENT_NAMES,
  type Environment,
  FORBIDDEN_FLOWS,
  NEEDED_FLOWS,
  type NetworkFlow,
  type NetworkRole,
  type PortRange,
  REMOTE_ADMINISTRATION_PORTS,
  roleTier,
} from '../../environments';
import { contains, parseCidr } from '../../environments/cidr';
import { type Json, platformStack, ref } from '../testing/synthesized-stack';
import { type AclRule, type AclTier, aclRulesFromFlows, type TierRules } from './network-acls';

/**
 * An oracle for stateless ACLs, written apart from the derivation: it follows each packet of a
 * flow (and of its replies) across the tier boundaries it crosses and asks whether the synthesized
 * rules let it through. It knows only how ACLs and NAT behave, not how the rules were made.
 */
type Direction = AclRule['direction'];

const ANYWHERE = '0.0.0.0/0';
const INTERNET_SAMPLE = '198.51.100.0/24';

function cidrsOf(env: Environment, role: NetworkRole): string[] {
  const tier = roleTier(role);
  if (tier === 'internet') return [INTERNET_SAMPLE];
  return (tier === 'public' ? env.network.publicSubnets : env.network.privateSubnets).map((s) => s.cidr);
}

function range(cidr: string) {
  const parsed = parseCidr(cidr);
  if (typeof parsed === 'string') throw new Error(`${cidr} ${parsed}`);
  return parsed;
}

/** Whether every port of `ports` is admitted for `peer` (one address range) by the rules. */
function admitted(
  rules: readonly AclRule[],
  direction: Direction,
  protocol: string,
  peer: string,
  ports: PortRange,
  { excusingRemoteAdministration = true } = {},
) {
  const matching = rules.filter(
    (r) =>
      r.direction === direction &&
      (r.protocol === 'all' || protocol === 'all' || r.protocol === protocol) &&
      contains(range(r.cidr), range(peer)),
  );
  if (protocol === 'all') return matching.some((r) => r.protocol === 'all');
  if (matching.some((r) => r.protocol === 'all')) return true;
  const fromInternet = excusingRemoteAdministration && direction === 'ingress' && peer === INTERNET_SAMPLE;
  for (let port = ports[0]; port <= ports[1]; port++) {
    // By policy the internet never gets a remote-administration port, not even as a reply.
    if (fromInternet && REMOTE_ADMINISTRATION_PORTS.includes(port)) continue;
    if (!matching.some((r) => r.ports && r.ports[0] <= port && port <= r.ports[1])) return false;
  }
  return true;
}

interface Leg {
  from: { tier: ReturnType<typeof roleTier>; cidrs: string[] };
  to: { tier: ReturnType<typeof roleTier>; cidrs: string[] };
  clientPorts: PortRange;
}

/** Every rule a flow misses, as `tier direction protocol ports peer`; empty when it flows. */
function missing(env: Environment, rules: TierRules, flow: NetworkFlow): string[] {
  const destination = { tier: roleTier(flow.to), cidrs: cidrsOf(env, flow.to) };
  const source = { tier: roleTier(flow.from), cidrs: cidrsOf(env, flow.from) };
  const legs: Leg[] =
    flow.via === 'nat-gateway'
      ? [
          // The route sends the packet to the NAT, its destination stays the final one.
          { from: source, to: { tier: 'public', cidrs: destination.cidrs }, clientPorts: clientPorts(flow.from) },
          {
            from: { tier: 'public', cidrs: cidrsOf(env, 'nat-gateway') },
            to: destination,
            clientPorts: clientPorts('nat-gateway'),
          },
        ]
      : [{ from: source, to: destination, clientPorts: clientPorts(flow.from) }];
  const gaps: string[] = [];
  const check = (tier: string, direction: Direction, peer: string, ports: PortRange) => {
    if (tier === 'internet') return;
    if (!admitted(rules[tier as AclTier], direction, flow.protocol, peer, ports)) {
      gaps.push(`${tier} ${direction} ${flow.protocol} ${ports.join('-')} ${peer}`);
    }
  };
  for (const leg of legs) {
    for (const src of leg.from.cidrs) {
      for (const dst of leg.to.cidrs) {
        if (src === dst) continue; // inside one subnet no ACL is crossed
        const peerOf = (cidr: string, tier: string) => (tier === 'internet' ? INTERNET_SAMPLE : cidr);
        // There: out of the source tier, into the destination tier.
        check(leg.from.tier, 'egress', peerOf(dst, leg.to.tier), flow.ports);
        check(leg.to.tier, 'ingress', peerOf(src, leg.from.tier), flow.ports);
        // Back: replies to the client's ephemeral ports.
        check(leg.to.tier, 'egress', peerOf(src, leg.from.tier), leg.clientPorts);
        check(leg.from.tier, 'ingress', peerOf(dst, leg.to.tier), leg.clientPorts);
      }
    }
  }
  return [...new Set(gaps)];
}

/** The rules of both tiers as synthesized into the Terraform JSON. */
function synthesizedRules(stackJson: Json): TierRules {
  const rules: Record<AclTier, AclRule[]> = { public: [], private: [] };
  for (const r of Object.values(stackJson.resource.aws_network_acl_rule as Record<string, Json>)) {
    const tier = (['public', 'private'] as const).find(
      (t) => r.network_acl_id === ref('aws_network_acl', `network_acls_${t}`, 'id'),
    );
    if (!tier) throw new Error(`rule on an unknown ACL: ${r.network_acl_id}`);
    expect(r.rule_action).toBe('allow');
    const protocol = r.protocol === '-1' ? 'all' : r.protocol;
    rules[tier].push({
      number: r.rule_number,
      name: '',
      direction: r.egress ? 'egress' : 'ingress',
      protocol,
      cidr: r.cidr_block,
      ...(protocol === 'all' ? {} : { ports: [r.from_port, r.to_port] as const }),
    });
  }
  return rules;
}

/** The rules the previous stack had (issue 7 item 3), kept as the counter-example. */
function oldRules(vpc: string): TierRules {
  const rule = (
    number: number,
    direction: Direction,
    protocol: AclRule['protocol'],
    cidr: string,
    ports?: PortRange,
  ): AclRule => ({ number, name: '', direction, protocol, cidr, ...(ports ? { ports } : {}) });
  return {
    public: [
      rule(100, 'ingress', 'tcp', ANYWHERE, [443, 443]),
      rule(110, 'ingress', 'tcp', ANYWHERE, [80, 80]),
      rule(120, 'ingress', 'all', vpc),
      rule(130, 'ingress', 'tcp', ANYWHERE, [1024, 65535]),
      rule(100, 'egress', 'all', vpc),
      rule(110, 'egress', 'tcp', ANYWHERE, [443, 443]),
      rule(120, 'egress', 'tcp', ANYWHERE, [1024, 65535]),
    ],
    private: [
      rule(100, 'ingress', 'all', vpc),
      rule(110, 'ingress', 'tcp', ANYWHERE, [32768, 65535]),
      rule(100, 'egress', 'all', vpc),
      rule(110, 'egress', 'tcp', ANYWHERE, [443, 443]),
    ],
  };
}

describe.each(ENVIRONMENT_NAMES)('the %s network ACLs', (name) => {
  const stack = () => platformStack(name);
  const env = () => stack().environment;
  const rules = () => synthesizedRules(stack().json);

  it('cover both subnets of each tier', () => {
    const acls = stack().resources('aws_network_acl');
    expect(acls.network_acls_public.subnet_ids).toEqual([
      ref('aws_subnet', 'network_public_a_subnet', 'id'),
      ref('aws_subnet', 'network_public_b_subnet', 'id'),
    ]);
    expect(acls.network_acls_private.subnet_ids).toEqual([
      ref('aws_subnet', 'network_private_a_subnet', 'id'),
      ref('aws_subnet', 'network_private_b_subnet', 'id'),
    ]);
  });

  it.each(NEEDED_FLOWS.map((flow) => [flow.name, flow] as const))(
    'carry the needed flow %s there and back',
    (_name, flow) => {
      expect(missing(env(), rules(), flow)).toEqual([]);
    },
  );

  it.each(FORBIDDEN_FLOWS.map((flow) => [flow.name, flow] as const))(
    'refuse the forbidden flow %s on its way in',
    (_name, flow) => {
      const tier = roleTier(flow.to) as AclTier;
      for (const port of [flow.ports[0], flow.ports[1], 22, 30000, 32767]) {
        if (port < flow.ports[0] || port > flow.ports[1]) continue;
        const strict = { excusingRemoteAdministration: false };
        expect(admitted(rules()[tier], 'ingress', flow.protocol, INTERNET_SAMPLE, [port, port], strict)).toBe(false);
      }
    },
  );

  it('are exactly the rules derived from the declared flows, numbered per tier and direction', () => {
    const derived = aclRulesFromFlows(env());
    for (const tier of ['public', 'private'] as const) {
      const strip = (list: readonly AclRule[]) =>
        list
          .map((r) => ({ ...r, name: '' }))
          .sort((a, b) => a.direction.localeCompare(b.direction) || a.number - b.number);
      expect(strip(rules()[tier])).toEqual(strip(derived[tier]));
      for (const direction of ['ingress', 'egress'] as const) {
        const numbers = derived[tier].filter((r) => r.direction === direction).map((r) => r.number);
        expect(numbers).toEqual(numbers.map((_, i) => 100 + 10 * i));
        // AWS allows 20 rules per direction by default.
        expect(numbers.length).toBeLessThanOrEqual(20);
      }
    }
  });

  it('open no remote-administration port and no whole protocol to the internet', () => {
    for (const tier of ['public', 'private'] as const) {
      for (const rule of rules()[tier].filter((r) => r.direction === 'ingress' && r.cidr === ANYWHERE)) {
        expect(rule.protocol).not.toBe('all');
        for (const port of REMOTE_ADMINISTRATION_PORTS) {
          expect(rule.ports && rule.ports[0] <= port && port <= rule.ports[1]).toBe(false);
        }
      }
    }
  });

  it('keep the private tier closed to the public tier except the pod ports the ALB targets', () => {
    const fromPublic = rules().private.filter(
      (r) => r.direction === 'ingress' && env().network.publicSubnets.some((s) => s.cidr === r.cidr),
    );
    expect([...new Set(fromPublic.map((r) => `${r.protocol} ${r.ports?.join('-')}`))].sort()).toEqual([
      'tcp 8000-8000',
      'tcp 8080-8080',
    ]);
  });
});

describe('the oracle, against the rules the platform shipped before', () => {
  const env = platformStack('prod').environment;
  const old = oldRules(env.network.vpcCidr);
  const flow = (name: string) => {
    const found = NEEDED_FLOWS.find((f) => f.name === name);
    if (!found) throw new Error(`no flow ${name}`);
    return found;
  };

  it('catches the denied egress on 80 that broke package mirrors and ACME self-checks', () => {
    expect(missing(env, old, flow('nodes-http-out'))).toContain('private egress tcp 80-80 198.51.100.0/24');
  });

  it('catches a reply that has no ephemeral return rule', () => {
    const current = aclRulesFromFlows(env);
    const withoutReturn: TierRules = {
      ...current,
      private: current.private.filter(
        (r) => !(r.direction === 'egress' && r.name.startsWith('tcp-1024-65535-to-public')),
      ),
    };
    expect(missing(env, withoutReturn, flow('alb-to-frontend'))).toEqual([
      'private egress tcp 1024-65535 10.0.1.0/24',
      'private egress tcp 1024-65535 10.0.2.0/24',
    ]);
  });

  it('finds the current rules complete where the old ones were not', () => {
    const current = aclRulesFromFlows(env);
    const broken = NEEDED_FLOWS.filter((f) => missing(env, old, f).length > 0).map((f) => f.name);
    expect(broken).toEqual(expect.arrayContaining(['nodes-http-out']));
    expect(NEEDED_FLOWS.filter((f) => missing(env, current, f).length > 0)).toEqual([]);
  });
});
