import { NetworkAcl } from '@cdktf/provider-aws/lib/network-acl';
import { NetworkAclRule } from '@cdktf/provider-aws/lib/network-acl-rule';
import { Construct } from 'constructs';
import type { Environment } from '../../environments';
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
}

/** One stateless rule. Network ACLs do not track connections, so replies need rules too. */
export interface AclRule {
  /** Evaluated lowest first; the first match decides. */
  readonly number: number;
  /** Kebab-case reason, becomes part of the resource name. */
  readonly name: string;
  readonly direction: 'ingress' | 'egress';
  readonly protocol: 'tcp' | 'all';
  readonly cidr: string;
  /** Inclusive port range; ignored for `all`. */
  readonly ports?: readonly [number, number];
}

const ANYWHERE = '0.0.0.0/0';
/**
 * Client-side ports of connections the public tier carries: NAT gateways pick 1024-65535, and
 * the internet clients of the load balancers may use any of them.
 * https://docs.aws.amazon.com/vpc/latest/userguide/custom-network-acl.html#nacl-ephemeral-ports
 */
const EPHEMERAL: readonly [number, number] = [1024, 65535];
/**
 * Client-side ports of the private tier's own connections. Nodes and pods run Linux (Amazon
 * Linux 2023), whose ephemeral range is 32768-60999; the NAT gateway translates replies back to
 * these ports. Starting at 32768 keeps service ports such as 5432 closed to the outside.
 */
const LINUX_EPHEMERAL: readonly [number, number] = [32768, 65535];
const HTTPS: readonly [number, number] = [443, 443];
const HTTP: readonly [number, number] = [80, 80];

/**
 * Public tier: load balancers and NAT gateways. Clients reach 80/443; the VPC reaches the NAT
 * gateways on any port; replies to clients and to NAT'd connections travel on ephemeral ports.
 */
export function publicTierRules(vpcCidr: string): readonly AclRule[] {
  return [
    { number: 100, name: 'https-from-internet', direction: 'ingress', protocol: 'tcp', cidr: ANYWHERE, ports: HTTPS },
    { number: 110, name: 'http-from-internet', direction: 'ingress', protocol: 'tcp', cidr: ANYWHERE, ports: HTTP },
    // The NAT gateways receive the private tier's outbound traffic, whatever its port.
    { number: 120, name: 'all-from-vpc', direction: 'ingress', protocol: 'all', cidr: vpcCidr },
    {
      number: 130,
      name: 'replies-from-internet',
      direction: 'ingress',
      protocol: 'tcp',
      cidr: ANYWHERE,
      ports: EPHEMERAL,
    },
    { number: 100, name: 'all-to-vpc', direction: 'egress', protocol: 'all', cidr: vpcCidr },
    // NAT gateways forward the private tier's HTTPS (AWS APIs, image registries).
    { number: 110, name: 'https-to-internet', direction: 'egress', protocol: 'tcp', cidr: ANYWHERE, ports: HTTPS },
    {
      number: 120,
      name: 'replies-to-internet',
      direction: 'egress',
      protocol: 'tcp',
      cidr: ANYWHERE,
      ports: EPHEMERAL,
    },
  ];
}

/**
 * Private tier: nodes and the database. Anything within the VPC; outbound HTTPS only; and the
 * replies to that HTTPS. Replies arrive from outside the VPC's range twice over: through the
 * NAT gateway (which rewrites only the source of outbound packets, so replies keep the remote
 * address) and straight from S3 through the gateway endpoint. ACLs cannot name S3's prefix
 * list, so the reply rule admits Linux's ephemeral ports from anywhere;
 * security groups stay stateful behind it.
 */
export function privateTierRules(vpcCidr: string): readonly AclRule[] {
  return [
    { number: 100, name: 'all-from-vpc', direction: 'ingress', protocol: 'all', cidr: vpcCidr },
    {
      number: 110,
      name: 'replies-from-internet',
      direction: 'ingress',
      protocol: 'tcp',
      cidr: ANYWHERE,
      ports: LINUX_EPHEMERAL,
    },
    { number: 100, name: 'all-to-vpc', direction: 'egress', protocol: 'all', cidr: vpcCidr },
    { number: 110, name: 'https-to-internet', direction: 'egress', protocol: 'tcp', cidr: ANYWHERE, ports: HTTPS },
  ];
}

/** A network ACL per tier with explicit rules; anything unmatched is denied. */
export class NetworkAcls extends Construct {
  readonly publicAcl: NetworkAcl;
  readonly privateAcl: NetworkAcl;

  constructor(scope: Construct, id: string, props: NetworkAclsProps) {
    super(scope, id);
    const env = props.environment;
    const vpcCidr = env.network.vpcCidr;
    this.publicAcl = this.acl(env, 'public', props, props.publicSubnetIds, publicTierRules(vpcCidr));
    this.privateAcl = this.acl(env, 'private', props, props.privateSubnetIds, privateTierRules(vpcCidr));
  }

  private acl(
    env: Environment,
    tier: 'public' | 'private',
    props: NetworkAclsProps,
    subnetIds: readonly string[],
    rules: readonly AclRule[],
  ): NetworkAcl {
    const acl = new NetworkAcl(this, tier, {
      vpcId: props.vpcId,
      subnetIds: [...subnetIds],
      tags: nameTag(env.name, tier),
    });
    for (const rule of rules) {
      const [fromPort, toPort] = rule.protocol === 'all' ? [0, 0] : (rule.ports ?? [0, 0]);
      new NetworkAclRule(this, `${tier}-${rule.direction}-${rule.number}-${rule.name}`, {
        networkAclId: acl.id,
        ruleNumber: rule.number,
        egress: rule.direction === 'egress',
        protocol: rule.protocol === 'all' ? '-1' : 'tcp',
        ruleAction: 'allow',
        cidrBlock: rule.cidr,
        fromPort,
        toPort,
      });
    }
    return acl;
  }
}
