/**
 * Facts computed over all of a stack's resources before the policies see them, where Rego would
 * be contorted: which ports of a security group the rules TOGETHER open to the whole internet
 * (IPv4 or IPv6, inline blocks and separate rule resources, all-protocol rules included), and
 * whether an EKS cluster's public access CIDRs together span the internet. policies/README.md
 * documents the facts.
 * https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
 */

import { isRecord } from '../core/is-record';
import { type AddressFamily, type AddressRange, coversAll, parseCidr } from './cidr';
import type { PolicyResource } from './types';

type Unfacted = Omit<PolicyResource, 'facts'>;

/** One port range of one protocol that the rules together open to every address of a family. */
export interface InternetIngress {
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly family: AddressFamily;
  /** The rules that contribute (resource addresses, or `ingress[i]` for inline blocks), sorted. */
  readonly rules: readonly string[];
}

interface RuleEntry {
  readonly protocol: string;
  readonly fromPort: number;
  readonly toPort: number;
  readonly range: AddressRange;
  readonly label: string;
}

const SECURITY_GROUP_TYPES = new Set(['aws_security_group', 'aws_default_security_group']);
const MAX_PORT = 65535;

/** IANA protocol numbers AWS accepts in place of names. */
const PROTOCOL_NAMES: Record<string, string> = {
  '-1': 'all',
  all: 'all',
  '6': 'tcp',
  '17': 'udp',
  '1': 'icmp',
  '58': 'icmpv6',
};

function protocolOf(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return 'all';
  const text = String(value).toLowerCase();
  return PROTOCOL_NAMES[text] ?? text;
}

function portOf(value: unknown, fallback: number): number {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isInteger(number) && number >= 0 && number <= MAX_PORT ? number : fallback;
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The entries one rule contributes: one per parseable CIDR block. */
function ruleEntries(rule: Record<string, unknown>, label: string): RuleEntry[] {
  const protocol = protocolOf(rule.protocol ?? rule.ip_protocol);
  // Ports only narrow TCP and UDP; every other protocol (and "all") is judged on its whole range.
  const ported = protocol === 'tcp' || protocol === 'udp';
  const fromPort = ported ? portOf(rule.from_port, 0) : 0;
  const toPort = ported ? portOf(rule.to_port, MAX_PORT) : MAX_PORT;
  const cidrs = ['cidr_blocks', 'ipv6_cidr_blocks', 'cidr_ipv4', 'cidr_ipv6'].flatMap((key) => strings(rule[key]));
  return cidrs.flatMap((cidr) => {
    const range = parseCidr(cidr);
    return range ? [{ protocol, fromPort, toPort, range, label }] : [];
  });
}

function withoutIndexes(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

/** The ports of each protocol the entries together open to the whole of `family`. */
export function internetIngress(entries: readonly RuleEntry[], family: AddressFamily): InternetIngress[] {
  const ofFamily = entries.filter((e) => e.range.family === family);
  const allProtocol = ofFamily.filter((e) => e.protocol === 'all');
  const labels = (list: readonly RuleEntry[]) => [...new Set(list.map((e) => e.label))].sort();
  if (
    coversAll(
      allProtocol.map((e) => e.range),
      family,
    )
  ) {
    return [{ protocol: 'all', fromPort: 0, toPort: MAX_PORT, family, rules: labels(allProtocol) }];
  }
  const found: InternetIngress[] = [];
  const protocols = [...new Set(ofFamily.map((e) => e.protocol).filter((p) => p !== 'all'))].sort();
  for (const protocol of protocols) {
    const relevant = ofFamily.filter((e) => e.protocol === protocol || e.protocol === 'all');
    const cuts = [...new Set(relevant.flatMap((e) => [e.fromPort, e.toPort + 1]))].sort((a, b) => a - b);
    let open: { fromPort: number; toPort: number; rules: Set<string> } | undefined;
    const close = () => {
      if (open)
        found.push({ protocol, fromPort: open.fromPort, toPort: open.toPort, family, rules: [...open.rules].sort() });
      open = undefined;
    };
    for (let index = 0; index + 1 < cuts.length; index += 1) {
      const from = cuts[index] as number;
      const to = (cuts[index + 1] as number) - 1;
      const covering = relevant.filter((e) => e.fromPort <= from && e.toPort >= to);
      if (
        !coversAll(
          covering.map((e) => e.range),
          family,
        )
      ) {
        close();
        continue;
      }
      if (open && open.toPort + 1 === from) open.toPort = to;
      else {
        close();
        open = { fromPort: from, toPort: to, rules: new Set() };
      }
      for (const label of labels(covering)) open.rules.add(label);
    }
    close();
  }
  return found;
}

/** The security group a separate rule resource attaches to: by reference, or by a literal id. */
function targetOf(rule: Unfacted, groups: readonly Unfacted[]): Unfacted | undefined {
  const referenced = (rule.attributeReferences.security_group_id ?? []).map(withoutIndexes);
  const literal = rule.values.security_group_id;
  return groups.find(
    (group) =>
      referenced.includes(withoutIndexes(group.address)) ||
      (typeof literal === 'string' && !literal.includes('${') && literal === group.values.id),
  );
}

function ingressFacts(entries: readonly RuleEntry[]): Record<string, unknown> {
  const ingress = [...internetIngress(entries, 'ipv4'), ...internetIngress(entries, 'ipv6')];
  return ingress.length > 0 ? { internetIngress: ingress } : {};
}

function separateRuleEntries(rule: Unfacted): RuleEntry[] {
  if (rule.type === 'aws_security_group_rule') {
    return rule.values.type === 'ingress' ? ruleEntries(rule.values, rule.address) : [];
  }
  return rule.type === 'aws_vpc_security_group_ingress_rule' ? ruleEntries(rule.values, rule.address) : [];
}

/** True when endpoint public access CIDRs (absent means AWS's default 0.0.0.0/0) span the internet. */
function publicAccessCoversInternet(config: unknown): boolean {
  const cidrs = isRecord(config) ? strings(config.public_access_cidrs) : [];
  if (cidrs.length === 0) return true;
  const ranges = cidrs.flatMap((cidr) => parseCidr(cidr) ?? []);
  return coversAll(ranges, 'ipv4') || coversAll(ranges, 'ipv6');
}

function asBlocks(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** The resources of one stack (config or plan) with their facts. */
export function terraformFacts(resources: readonly Unfacted[]): PolicyResource[] {
  const groups = resources.filter((r) => SECURITY_GROUP_TYPES.has(r.type));
  const entriesByGroup = new Map<string, RuleEntry[]>();
  const orphanEntries = new Map<string, RuleEntry[]>();
  for (const group of groups) {
    const inline = asBlocks(group.values.ingress).flatMap((block, index) =>
      isRecord(block) ? ruleEntries(block, `ingress[${index}]`) : [],
    );
    entriesByGroup.set(group.address, inline);
  }
  for (const rule of resources) {
    const entries = separateRuleEntries(rule);
    if (entries.length === 0) continue;
    const target = targetOf(rule, groups);
    // A rule on a group this stack does not declare is judged on its own.
    if (target) entriesByGroup.get(target.address)?.push(...entries);
    else orphanEntries.set(rule.address, entries);
  }
  return resources.map((resource) => {
    const facts: Record<string, unknown> = {
      ...ingressFacts(entriesByGroup.get(resource.address) ?? []),
      ...ingressFacts(orphanEntries.get(resource.address) ?? []),
    };
    if (resource.type === 'aws_eks_cluster') {
      const configs = asBlocks(resource.values.vpc_config);
      facts.publicAccessCidrsCoverInternet = configs.length === 0 || configs.some(publicAccessCoversInternet);
    }
    return { ...resource, facts };
  });
}
