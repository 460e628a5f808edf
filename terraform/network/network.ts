import { DefaultSecurityGroup } from '@cdktf/provider-aws/lib/default-security-group';
import { Eip } from '@cdktf/provider-aws/lib/eip';
import { InternetGateway } from '@cdktf/provider-aws/lib/internet-gateway';
import { NatGateway } from '@cdktf/provider-aws/lib/nat-gateway';
import { Route } from '@cdktf/provider-aws/lib/route';
import { RouteTable } from '@cdktf/provider-aws/lib/route-table';
import { RouteTableAssociation } from '@cdktf/provider-aws/lib/route-table-association';
import { Subnet } from '@cdktf/provider-aws/lib/subnet';
import { Vpc } from '@cdktf/provider-aws/lib/vpc';
import { Construct } from 'constructs';
import { clusterName, type Environment, type SubnetSpec } from '../../environments';
import { nameTag } from '../lib/tags';
import { FlowLogs } from './flow-logs';
import { NetworkAcls } from './network-acls';
import { S3GatewayEndpoint } from './s3-gateway-endpoint';

export interface NetworkProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** ARN of the KMS key encrypting the flow-log group. */
  readonly logsKeyArn: string;
}

/** Every route to anywhere outside the VPC. */
const ANYWHERE = '0.0.0.0/0';

/**
 * The environment's VPC: two public and two private subnets across two AZs, internet and NAT
 * egress, network ACLs per tier, a stripped default security group, flow logs and an S3
 * gateway endpoint.
 */
export class Network extends Construct {
  readonly vpc: Vpc;
  readonly publicSubnets: readonly Subnet[];
  readonly privateSubnets: readonly Subnet[];
  readonly natGateways: readonly NatGateway[];
  /** One per private subnet, in the order of `privateSubnets`. */
  readonly privateRouteTables: readonly RouteTable[];

  constructor(scope: Construct, id: string, props: NetworkProps) {
    super(scope, id);
    const env = props.environment;
    const { network } = env;
    const cluster = clusterName(env.name);

    this.vpc = new Vpc(this, 'vpc', {
      cidrBlock: network.vpcCidr,
      enableDnsSupport: true,
      enableDnsHostnames: true,
      tags: nameTag(env.name, 'vpc'),
    });

    // The AWS load balancer controller finds its subnets by these tags.
    // https://docs.aws.amazon.com/eks/latest/userguide/network-load-balancing.html
    const clusterTag = { [`kubernetes.io/cluster/${cluster}`]: 'shared' };
    this.publicSubnets = network.publicSubnets.map((spec) =>
      this.subnet(env, 'public', spec, { ...clusterTag, 'kubernetes.io/role/elb': '1' }),
    );
    this.privateSubnets = network.privateSubnets.map((spec) =>
      this.subnet(env, 'private', spec, { ...clusterTag, 'kubernetes.io/role/internal-elb': '1' }),
    );

    const internetGateway = new InternetGateway(this, 'internet-gateway', {
      vpcId: this.vpc.id,
      tags: nameTag(env.name, 'igw'),
    });
    const publicRoutes = new RouteTable(this, 'public-route-table', {
      vpcId: this.vpc.id,
      tags: nameTag(env.name, 'public'),
    });
    new Route(this, 'public-default-route', {
      routeTableId: publicRoutes.id,
      destinationCidrBlock: ANYWHERE,
      gatewayId: internetGateway.id,
    });
    this.publicSubnets.forEach((subnet, index) => {
      new RouteTableAssociation(this, `public-${zoneSuffix(network.publicSubnets[index])}-routes`, {
        subnetId: subnet.id,
        routeTableId: publicRoutes.id,
      });
    });

    const natCount = network.natGateways === 'one-per-az' ? this.publicSubnets.length : 1;
    this.natGateways = this.publicSubnets.slice(0, natCount).map((subnet, index) => {
      const zone = zoneSuffix(network.publicSubnets[index]);
      const address = new Eip(this, `nat-${zone}-address`, { domain: 'vpc', tags: nameTag(env.name, `nat-${zone}`) });
      return new NatGateway(this, `nat-${zone}`, {
        allocationId: address.allocationId,
        subnetId: subnet.id,
        tags: nameTag(env.name, `nat-${zone}`),
        dependsOn: [internetGateway],
      });
    });

    this.privateRouteTables = this.privateSubnets.map((subnet, index) => {
      const zone = zoneSuffix(network.privateSubnets[index]);
      const table = new RouteTable(this, `private-${zone}-route-table`, {
        vpcId: this.vpc.id,
        tags: nameTag(env.name, `private-${zone}`),
      });
      // With one NAT gateway per AZ each private subnet leaves through its own AZ's; with a
      // single one, all share it.
      const nat = this.natGateways[Math.min(index, this.natGateways.length - 1)];
      new Route(this, `private-${zone}-default-route`, {
        routeTableId: table.id,
        destinationCidrBlock: ANYWHERE,
        natGatewayId: nat?.id,
      });
      new RouteTableAssociation(this, `private-${zone}-routes`, { subnetId: subnet.id, routeTableId: table.id });
      return table;
    });

    // The default security group is attached to anything launched without one; with no rules
    // it admits nothing and lets nothing out (CIS AWS Foundations 5.4).
    new DefaultSecurityGroup(this, 'default-security-group', {
      vpcId: this.vpc.id,
      ingress: [],
      egress: [],
      tags: nameTag(env.name, 'default-deny-all'),
    });

    new NetworkAcls(this, 'acls', {
      environment: env,
      vpcId: this.vpc.id,
      publicSubnetIds: this.publicSubnets.map((s) => s.id),
      privateSubnetIds: this.privateSubnets.map((s) => s.id),
    });
    new FlowLogs(this, 'flow-logs', { environment: env, vpcId: this.vpc.id, logsKeyArn: props.logsKeyArn });
    new S3GatewayEndpoint(this, 's3-endpoint', {
      environment: env,
      vpcId: this.vpc.id,
      routeTableIds: this.privateRouteTables.map((t) => t.id),
    });
  }

  private subnet(env: Environment, tier: 'public' | 'private', spec: SubnetSpec, tags: Record<string, string>): Subnet {
    const name = `${tier}-${zoneSuffix(spec)}`;
    return new Subnet(this, `${name}-subnet`, {
      vpcId: this.vpc.id,
      cidrBlock: spec.cidr,
      availabilityZone: spec.availabilityZone,
      // Nothing in either tier gets a public address by itself: NAT gateways and load
      // balancers bring their own, nodes stay private.
      mapPublicIpOnLaunch: false,
      tags: { ...nameTag(env.name, name), ...tags },
    });
  }
}

/** `eu-west-1a` → `a`: names resources after their zone. */
function zoneSuffix(spec: SubnetSpec | undefined): string {
  if (!spec) throw new Error('a subnet tier holds exactly two subnets');
  return spec.availabilityZone.slice(-1);
}
