import { ENVIRONMENT_NAMES } from '../../environments';
import { platformStack, ref } from '../testing/synthesized-stack';
import { type AclRule, privateTierRules, publicTierRules } from './network-acls';

const VPC = '10.0.0.0/16';
const admits = (rules: readonly AclRule[], direction: AclRule['direction'], cidr: string, port: number) =>
  rules.some(
    (r) =>
      r.direction === direction &&
      r.cidr === cidr &&
      (r.protocol === 'all' || (r.ports !== undefined && r.ports[0] <= port && port <= r.ports[1])),
  );

describe('the public tier rules', () => {
  const rules = publicTierRules(VPC);

  it('admit HTTP and HTTPS from the internet', () => {
    expect(admits(rules, 'ingress', '0.0.0.0/0', 80)).toBe(true);
    expect(admits(rules, 'ingress', '0.0.0.0/0', 443)).toBe(true);
  });

  it('admit no other port below 1024 from the internet', () => {
    for (const port of [22, 25, 53, 445]) expect(admits(rules, 'ingress', '0.0.0.0/0', port)).toBe(false);
  });

  it('let replies travel to and from the internet on ephemeral ports', () => {
    expect(admits(rules, 'ingress', '0.0.0.0/0', 1024)).toBe(true);
    expect(admits(rules, 'egress', '0.0.0.0/0', 65535)).toBe(true);
  });

  it('let the NAT gateways receive the private tier traffic', () => {
    expect(admits(rules, 'ingress', VPC, 443)).toBe(true);
  });
});

describe('the private tier rules', () => {
  const rules = privateTierRules(VPC);

  it('admit anything from within the VPC', () => {
    expect(admits(rules, 'ingress', VPC, 5432)).toBe(true);
    expect(admits(rules, 'egress', VPC, 53)).toBe(true);
  });

  it('admit replies from outside the VPC, where NAT and S3 gateway endpoint replies come from', () => {
    expect(admits(rules, 'ingress', '0.0.0.0/0', 32768)).toBe(true);
  });

  it('admit nothing from outside the VPC on service ports', () => {
    for (const port of [22, 80, 443, 3389, 5432, 8080]) expect(admits(rules, 'ingress', '0.0.0.0/0', port)).toBe(false);
  });

  it('let out only HTTPS beyond the VPC', () => {
    expect(admits(rules, 'egress', '0.0.0.0/0', 443)).toBe(true);
    expect(admits(rules, 'egress', '0.0.0.0/0', 80)).toBe(false);
  });
});

describe.each(ENVIRONMENT_NAMES)('the %s network ACLs', (name) => {
  const stack = () => platformStack(name);

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

  it('hold one explicit allow rule per rule of the tier, using the VPC range of the model', () => {
    const rules = Object.values(stack().resources('aws_network_acl_rule'));
    const vpc = stack().environment.network.vpcCidr;
    expect(rules).toHaveLength(publicTierRules(vpc).length + privateTierRules(vpc).length);
    expect(rules.every((r) => r.rule_action === 'allow')).toBe(true);
    expect(rules.filter((r) => r.cidr_block === vpc)).toHaveLength(4);
  });
});
