/**
 * One Terraform stack's network, indexed for the reachability verifier: subnets with their tier,
 * route table and network ACL; ACL rules; security groups and their rules; which groups and
 * subnets each role of environments/network-flows.ts uses. Only literal values and `${…}`
 * references count: a value known only at apply time leaves its part of the network unresolved,
 * and an unresolved part never admits a needed flow.
 */

import type { NetworkRole } from '../../environments/network-flows';
import type { PortRange } from '../../environments/ports';
import { isRecord } from '../core/is-record';
import { parseCidr } from '../gate/cidr';
import type { PolicyResource } from '../gate/types';

/** An IPv4 address, as a number. */
export type Address = bigint;

export interface Subnet {
  readonly address: string;
  readonly cidr: string;
  readonly tier: 'public' | 'private';
  /** An address inside the subnet that stands for every host of it. */
  readonly sample: Address;
  readonly routeTable: string | undefined;
  readonly networkAcl: string | undefined;
}

export interface Route {
  /** The aws_route, or the route table holding an inline route. */
  readonly address: string;
  readonly routeTable: string;
  readonly destination: string;
  readonly natGateway: string | undefined;
  readonly internetGateway: string | undefined;
}

export interface AclRule {
  readonly address: string;
  readonly acl: string;
  readonly number: number;
  readonly egress: boolean;
  readonly protocol: string;
  readonly cidr: string;
  readonly ports: PortRange;
  readonly allow: boolean;
}

export interface SecurityGroupRule {
  readonly address: string;
  readonly group: string;
  readonly egress: boolean;
  readonly protocol: string;
  readonly ports: PortRange;
  readonly cidrs: readonly string[];
  readonly groups: readonly string[];
}

/** Security groups of a role: Terraform-declared ones, or managed by a controller outside Terraform. */
export type RoleGroups =
  | { readonly kind: 'declared'; readonly groups: readonly string[] }
  | { readonly kind: 'managed' };

export interface StackNetwork {
  readonly vpc: string;
  readonly vpcCidr: string;
  readonly subnets: readonly Subnet[];
  readonly routes: readonly Route[];
  readonly natSubnets: ReadonlyMap<string, string>;
  readonly gatewayEndpoints: readonly { readonly address: string; readonly routeTables: readonly string[] }[];
  readonly acls: ReadonlySet<string>;
  readonly aclRules: readonly AclRule[];
  readonly groupRules: readonly SecurityGroupRule[];
  readonly roleSubnets: (role: NetworkRole) => readonly Subnet[];
  readonly roleGroups: (role: NetworkRole) => RoleGroups;
  /** The EKS cluster, whose security group EKS creates (not in the stack). */
  readonly cluster: string | undefined;
}

const REFERENCE = /^\$\{([a-z0-9_]+\.[A-Za-z0-9_-]+)((?:\.[A-Za-z0-9_[\]]+)*)\}$/;

/** `${aws_subnet.a.id}` → `aws_subnet.a`; the EKS cluster's own group gets a name of its own. */
export function referenced(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = REFERENCE.exec(value);
  if (!match) return undefined;
  return match[2]?.endsWith('.cluster_security_group_id') ? clusterGroupOf(match[1] as string) : match[1];
}

/** The name the verifier gives the security group EKS creates for a cluster. */
export function clusterGroupOf(cluster: string): string {
  return `${cluster}.cluster_security_group`;
}

export function sampleOf(cidr: string): Address | undefined {
  const range = parseCidr(cidr);
  if (range?.family !== 'ipv4') return undefined;
  return range.last - range.first > 16n ? range.first + 10n : range.first;
}

/** Parsed CIDRs: a verdict probes the same few dozen rules thousands of times. */
const RANGES = new Map<string, ReturnType<typeof parseCidr>>();

export function cidrContains(cidr: string, address: Address): boolean {
  let range = RANGES.get(cidr);
  if (!RANGES.has(cidr)) {
    range = parseCidr(cidr);
    RANGES.set(cidr, range);
  }
  return range !== undefined && range.family === 'ipv4' && range.first <= address && address <= range.last;
}

function list(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}

function refs(value: unknown): string[] {
  return list(value).flatMap((v) => referenced(v) ?? []);
}

function portRange(from: unknown, to: unknown, protocol: string): PortRange {
  if (protocol === '-1' || protocol === 'all') return [0, 65535];
  return [typeof from === 'number' ? from : 0, typeof to === 'number' ? to : 65535];
}

export function normalProtocol(value: unknown): string {
  const text = String(value ?? '-1').toLowerCase();
  return ({ '6': 'tcp', '17': 'udp', all: '-1' } as Record<string, string>)[text] ?? text;
}

function byType(resources: readonly PolicyResource[], type: string): PolicyResource[] {
  return resources.filter((r) => r.type === type);
}

function aclRules(resources: readonly PolicyResource[]): AclRule[] {
  const standalone = byType(resources, 'aws_network_acl_rule').flatMap((r): AclRule[] => {
    const acl = referenced(r.values.network_acl_id);
    const protocol = normalProtocol(r.values.protocol);
    if (!acl || typeof r.values.cidr_block !== 'string') return [];
    return [
      {
        address: r.address,
        acl,
        number: Number(r.values.rule_number),
        egress: r.values.egress === true,
        protocol,
        cidr: r.values.cidr_block,
        ports: portRange(r.values.from_port, r.values.to_port, protocol),
        allow: r.values.rule_action === 'allow',
      },
    ];
  });
  const inline = byType(resources, 'aws_network_acl').flatMap((r) =>
    (['ingress', 'egress'] as const).flatMap((direction) =>
      list(r.values[direction])
        .filter(isRecord)
        .flatMap((block): AclRule[] => {
          const protocol = normalProtocol(block.protocol);
          if (typeof block.cidr_block !== 'string') return [];
          return [
            {
              address: r.address,
              acl: r.address,
              number: Number(block.rule_no),
              egress: direction === 'egress',
              protocol,
              cidr: block.cidr_block,
              ports: portRange(block.from_port, block.to_port, protocol),
              allow: block.action === 'allow',
            },
          ];
        }),
    ),
  );
  return [...standalone, ...inline].sort((a, b) => a.number - b.number);
}

function groupRules(resources: readonly PolicyResource[], cluster: string | undefined): SecurityGroupRule[] {
  const rules: SecurityGroupRule[] = [];
  for (const type of ['aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule']) {
    for (const r of byType(resources, type)) {
      const group = referenced(r.values.security_group_id);
      const protocol = normalProtocol(r.values.ip_protocol);
      if (!group) continue;
      rules.push({
        address: r.address,
        group,
        egress: type.endsWith('egress_rule'),
        protocol,
        ports: portRange(r.values.from_port, r.values.to_port, protocol),
        cidrs: typeof r.values.cidr_ipv4 === 'string' ? [r.values.cidr_ipv4] : [],
        groups: refs(r.values.referenced_security_group_id),
      });
    }
  }
  for (const r of byType(resources, 'aws_security_group_rule')) {
    const group = referenced(r.values.security_group_id);
    const protocol = normalProtocol(r.values.protocol);
    if (!group) continue;
    rules.push({
      address: r.address,
      group,
      egress: r.values.type === 'egress',
      protocol,
      ports: portRange(r.values.from_port, r.values.to_port, protocol),
      cidrs: list(r.values.cidr_blocks).filter((c): c is string => typeof c === 'string'),
      groups: [...refs(r.values.source_security_group_id), ...(r.values.self === true ? [group] : [])],
    });
  }
  for (const r of [...byType(resources, 'aws_security_group'), ...byType(resources, 'aws_default_security_group')]) {
    for (const direction of ['ingress', 'egress'] as const) {
      for (const block of list(r.values[direction]).filter(isRecord)) {
        const protocol = normalProtocol(block.protocol);
        rules.push({
          address: r.address,
          group: r.address,
          egress: direction === 'egress',
          protocol,
          ports: portRange(block.from_port, block.to_port, protocol),
          cidrs: list(block.cidr_blocks).filter((c): c is string => typeof c === 'string'),
          groups: [...refs(block.security_groups), ...(block.self === true ? [r.address] : [])],
        });
      }
    }
  }
  if (cluster) {
    // EKS creates the cluster security group with these two rules and tags it for the cluster:
    // https://docs.aws.amazon.com/eks/latest/userguide/sec-group-reqs.html
    const group = clusterGroupOf(cluster);
    const all = { group, protocol: '-1', ports: [0, 65535] as PortRange, address: cluster };
    rules.push({ ...all, egress: false, cidrs: [], groups: [group] });
    rules.push({ ...all, egress: true, cidrs: ['0.0.0.0/0'], groups: [] });
  }
  return rules;
}

function routes(resources: readonly PolicyResource[]): Route[] {
  const standalone = byType(resources, 'aws_route').flatMap((r): Route[] => {
    const routeTable = referenced(r.values.route_table_id);
    if (!routeTable || typeof r.values.destination_cidr_block !== 'string') return [];
    return [
      {
        address: r.address,
        routeTable,
        destination: r.values.destination_cidr_block,
        natGateway: referenced(r.values.nat_gateway_id),
        internetGateway: referenced(r.values.gateway_id),
      },
    ];
  });
  const inline = byType(resources, 'aws_route_table').flatMap((r) =>
    list(r.values.route)
      .filter(isRecord)
      .flatMap((block): Route[] =>
        typeof block.cidr_block === 'string'
          ? [
              {
                address: r.address,
                routeTable: r.address,
                destination: block.cidr_block,
                natGateway: referenced(block.nat_gateway_id),
                internetGateway: referenced(block.gateway_id),
              },
            ]
          : [],
      ),
  );
  return [...standalone, ...inline];
}

function subnets(resources: readonly PolicyResource[]): Subnet[] {
  const routeTableOf = new Map<string, string>();
  for (const r of byType(resources, 'aws_route_table_association')) {
    const subnet = referenced(r.values.subnet_id);
    const table = referenced(r.values.route_table_id);
    if (subnet && table) routeTableOf.set(subnet, table);
  }
  const aclOf = new Map<string, string>();
  for (const r of byType(resources, 'aws_network_acl'))
    for (const s of refs(r.values.subnet_ids)) aclOf.set(s, r.address);
  for (const r of byType(resources, 'aws_network_acl_association')) {
    const subnet = referenced(r.values.subnet_id);
    const acl = referenced(r.values.network_acl_id);
    if (subnet && acl) aclOf.set(subnet, acl);
  }
  return byType(resources, 'aws_subnet').flatMap((r): Subnet[] => {
    const cidr = r.values.cidr_block;
    const sample = typeof cidr === 'string' ? sampleOf(cidr) : undefined;
    if (typeof cidr !== 'string' || sample === undefined) return [];
    // The AWS Load Balancer Controller picks subnets by these tags, so they say which tier a subnet is:
    // https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/subnet_discovery/
    const tier =
      r.tags['kubernetes.io/role/elb'] === '1' || r.values.map_public_ip_on_launch === true ? 'public' : 'private';
    return [
      {
        address: r.address,
        cidr,
        tier,
        sample,
        routeTable: routeTableOf.get(r.address),
        networkAcl: aclOf.get(r.address),
      },
    ];
  });
}

/** The stack's network, or undefined when it declares no VPC (a bootstrap stack, a fixture of one resource). */
export function indexStack(resources: readonly PolicyResource[]): StackNetwork | undefined {
  const vpc = byType(resources, 'aws_vpc')[0];
  if (!vpc || typeof vpc.values.cidr_block !== 'string') return undefined;
  const all = subnets(resources);
  const cluster = byType(resources, 'aws_eks_cluster')[0];
  const clusterAddress = cluster?.address;
  const launchTemplates = new Map(byType(resources, 'aws_launch_template').map((r) => [r.address, r]));
  const pick = (addresses: readonly string[]) => all.filter((s) => addresses.includes(s.address));
  const tier = (t: Subnet['tier']) => all.filter((s) => s.tier === t);
  const first = (type: string) => byType(resources, type)[0];
  const natSubnets = new Map(
    byType(resources, 'aws_nat_gateway').flatMap((r) => {
      const subnet = referenced(r.values.subnet_id);
      return subnet ? [[r.address, subnet] as const] : [];
    }),
  );

  const groupsOfInstance = (instance: PolicyResource | undefined): string[] => {
    if (!instance) return [];
    const template = launchTemplates.get(
      referenced(isRecord(instance.values.launch_template) ? instance.values.launch_template.id : undefined) ?? '',
    );
    return [...refs(instance.values.vpc_security_group_ids), ...refs(template?.values.vpc_security_group_ids)];
  };
  const nodeGroup = first('aws_eks_node_group');
  const nodeGroups = (): string[] => {
    const declared = groupsOfInstance(nodeGroup);
    // Without groups of its own in a launch template, a managed node group gets the cluster's.
    return declared.length > 0 || !clusterAddress ? declared : [clusterGroupOf(clusterAddress)];
  };
  const clusterConfig = isRecord(cluster?.values.vpc_config) ? cluster.values.vpc_config : {};
  const database = first('aws_db_instance');
  const databaseSubnets = byType(resources, 'aws_db_subnet_group').find(
    (g) => referenced(database?.values.db_subnet_group_name) === g.address,
  );
  const bastion = first('aws_instance');

  const roleSubnets = (role: NetworkRole): readonly Subnet[] => {
    switch (role) {
      case 'internet':
      case 'aws-services':
        return [];
      case 'public-lb':
        return tier('public');
      case 'nat-gateway':
        return pick([...natSubnets.values()]);
      case 'internal-lb':
        return tier('private');
      case 'nodes':
        return nodeGroup ? pick(refs(nodeGroup.values.subnet_ids)) : [];
      case 'control-plane':
        return pick(refs(clusterConfig.subnet_ids));
      case 'database':
        return databaseSubnets ? pick(refs(databaseSubnets.values.subnet_ids)) : [];
      case 'bastion':
        return bastion ? pick(refs(bastion.values.subnet_id)) : [];
    }
  };
  const roleGroups = (role: NetworkRole): RoleGroups => {
    switch (role) {
      case 'public-lb':
      case 'internal-lb':
        return { kind: 'managed' };
      case 'nodes':
        return { kind: 'declared', groups: nodeGroups() };
      case 'control-plane':
        return {
          kind: 'declared',
          groups: [
            ...(clusterAddress ? [clusterGroupOf(clusterAddress)] : []),
            ...refs(clusterConfig.security_group_ids),
          ],
        };
      case 'database':
        return { kind: 'declared', groups: refs(database?.values.vpc_security_group_ids) };
      case 'bastion':
        return { kind: 'declared', groups: groupsOfInstance(bastion) };
      default:
        return { kind: 'declared', groups: [] };
    }
  };

  return {
    vpc: vpc.address,
    vpcCidr: vpc.values.cidr_block,
    subnets: all,
    routes: routes(resources),
    natSubnets,
    gatewayEndpoints: byType(resources, 'aws_vpc_endpoint')
      .filter((r) => String(r.values.vpc_endpoint_type ?? 'Gateway') === 'Gateway')
      .map((r) => ({ address: r.address, routeTables: refs(r.values.route_table_ids) })),
    acls: new Set(byType(resources, 'aws_network_acl').map((r) => r.address)),
    aclRules: aclRules(resources),
    groupRules: groupRules(resources, clusterAddress),
    roleSubnets,
    roleGroups,
    cluster: clusterAddress,
  };
}
