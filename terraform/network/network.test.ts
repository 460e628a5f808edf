import { clusterName, ENVIRONMENT_NAMES } from '../../environments';
import { platformStack, ref } from '../testing/synthesized-stack';

describe('the prod network', () => {
  const stack = () => platformStack('prod');

  it('is exactly the network of DESIGN.md: 10.0.0.0/16 with four /24 subnets across two AZs', () => {
    expect(stack().only('aws_vpc').cidr_block).toBe('10.0.0.0/16');
    const subnets = stack().resources('aws_subnet');
    expect(
      Object.fromEntries(Object.entries(subnets).map(([name, s]) => [name, [s.cidr_block, s.availability_zone]])),
    ).toEqual({
      network_public_a_subnet: ['10.0.1.0/24', 'eu-west-1a'],
      network_public_b_subnet: ['10.0.2.0/24', 'eu-west-1b'],
      network_private_a_subnet: ['10.0.3.0/24', 'eu-west-1a'],
      network_private_b_subnet: ['10.0.4.0/24', 'eu-west-1b'],
    });
  });

  it('routes each private subnet through the NAT gateway of its own AZ', () => {
    const routes = stack().resources('aws_route');
    expect(routes.network_private_a_default_route.nat_gateway_id).toBe(ref('aws_nat_gateway', 'network_nat_a', 'id'));
    expect(routes.network_private_b_default_route.nat_gateway_id).toBe(ref('aws_nat_gateway', 'network_nat_b', 'id'));
  });
});

describe.each(ENVIRONMENT_NAMES)('the %s network', (name) => {
  const stack = () => platformStack(name);
  const network = () => stack().environment.network;

  it('takes its VPC and subnet ranges from the model', () => {
    expect(stack().only('aws_vpc').cidr_block).toBe(network().vpcCidr);
    const cidrs = Object.values(stack().resources('aws_subnet')).map((s) => s.cidr_block);
    expect(cidrs.sort()).toEqual([...network().publicSubnets, ...network().privateSubnets].map((s) => s.cidr).sort());
  });

  it('turns on DNS support and host names', () => {
    expect(stack().only('aws_vpc')).toMatchObject({ enable_dns_support: true, enable_dns_hostnames: true });
  });

  it('has one NAT gateway per AZ in prod and one shared elsewhere', () => {
    const expected = network().natGateways === 'one-per-az' ? 2 : 1;
    expect(Object.keys(stack().resources('aws_nat_gateway'))).toHaveLength(expected);
    expect(Object.keys(stack().resources('aws_eip'))).toHaveLength(expected);
    expect(network().natGateways).toBe(name === 'prod' ? 'one-per-az' : 'single');
  });

  it('sends public traffic to the internet gateway and private traffic to a NAT gateway', () => {
    const routes = stack().resources('aws_route');
    expect(routes.network_public_default_route).toMatchObject({
      destination_cidr_block: '0.0.0.0/0',
      gateway_id: ref('aws_internet_gateway', 'network_internet_gateway', 'id'),
    });
    for (const zone of ['a', 'b']) {
      expect(routes[`network_private_${zone}_default_route`].nat_gateway_id).toMatch(/^\$\{aws_nat_gateway\./);
    }
  });

  it('tags subnets for the load balancer controller and never assigns public IPs on launch', () => {
    const subnets = stack().resources('aws_subnet');
    const clusterTag = `kubernetes.io/cluster/${clusterName(name)}`;
    for (const [address, subnet] of Object.entries(subnets)) {
      expect(subnet.map_public_ip_on_launch).toBe(false);
      expect(subnet.tags[clusterTag]).toBe('shared');
      const role = address.includes('public') ? 'kubernetes.io/role/elb' : 'kubernetes.io/role/internal-elb';
      expect([address, subnet.tags[role]]).toEqual([address, '1']);
    }
  });

  it('strips every rule from the default security group', () => {
    expect(stack().only('aws_default_security_group')).toMatchObject({ ingress: [], egress: [] });
  });
});
