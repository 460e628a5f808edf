import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FORBIDDEN_FLOWS, NEEDED_FLOWS, type NetworkFlow } from '../../environments/network-flows';
import { normalizeFile } from '../gate/normalize';
import { judgeAwsFlow } from './reachability-aws';
import { indexStack } from './reachability-aws-stack';

const REPO = join(__dirname, '..', '..');
const STACK = 'terraform/cdktf.out/stacks/prod/cdk.tf.json';

type Json = Record<string, Record<string, Record<string, unknown>>>;

function prodStack(): { resource: Json } {
  return JSON.parse(readFileSync(join(REPO, STACK), 'utf8'));
}

function networkOf(config: unknown) {
  // The facts hook already ran inside normalizeFile; the index is rebuilt here to judge one flow at a time.
  const network = indexStack(normalizeFile(STACK, JSON.stringify(config)));
  if (!network) throw new Error('the prod stack has no VPC');
  return network;
}

const needed = (name: string) => NEEDED_FLOWS.find((f) => f.name === name) as NetworkFlow;
const forbidden = (name: string) => FORBIDDEN_FLOWS.find((f) => f.name === name) as NetworkFlow;

describe('the AWS layers of the committed prod stack', () => {
  const network = networkOf(prodStack());

  it.each(NEEDED_FLOWS.map((f) => [f.name, f] as const))('carry the needed flow %s at every layer', (_name, flow) => {
    const layers = judgeAwsFlow(network, flow, 'needed');
    expect(Object.values(layers).filter((d) => d.verdict === 'blocked')).toEqual([]);
  });

  it.each(FORBIDDEN_FLOWS.map((f) => [f.name, f] as const))(
    'refuse the forbidden flow %s at every layer that can',
    (_name, flow) => {
      const layers = judgeAwsFlow(network, flow, 'forbidden');
      expect(Object.values(layers).filter((d) => d.verdict === 'allowed')).toEqual([]);
    },
  );

  it('send nodes to the internet through a NAT gateway whose subnet routes to the internet gateway', () => {
    const route = judgeAwsFlow(network, needed('nodes-https-out'), 'needed').route;
    expect(route).toMatchObject({ verdict: 'allowed', rule: 'aws_route.network_private_a_default_route' });
    expect(route.detail).toContain('aws_nat_gateway.network_nat_a → aws_internet_gateway.network_internet_gateway');
  });

  it('reach S3 through the gateway endpoint on the private route tables', () => {
    expect(judgeAwsFlow(network, needed('nodes-s3-endpoint'), 'needed').route.rule).toBe(
      'aws_vpc_endpoint.network_s3_endpoint',
    );
  });

  it('admit the backend at the database through the rule that references the nodes group', () => {
    expect(judgeAwsFlow(network, needed('backend-to-database'), 'needed')['security-group'].rule).toBe(
      'aws_vpc_security_group_ingress_rule.database_from_nodes',
    );
  });
});

describe('a defect in the prod stack', () => {
  it('without the private ACL ephemeral ingress blocks the replies of outbound HTTPS at that ACL', () => {
    const config = prodStack();
    delete config.resource.aws_network_acl_rule?.network_acls_private_ingress_160_tcp_32768_65535_from_internet;
    const acl = judgeAwsFlow(networkOf(config), needed('nodes-https-out'), 'needed')['network-acl'];
    expect(acl).toMatchObject({ verdict: 'blocked', rule: 'aws_network_acl.network_acls_private' });
    expect(acl.detail).toContain('ingress: no rule admits tcp 32768');
  });

  it('with a lower-numbered deny rule blocks the flow there, whatever allows it later (rule order)', () => {
    const config = prodStack();
    const rules = config.resource.aws_network_acl_rule as Json[string];
    rules.deny_https = {
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
      network_acl_id: '${aws_network_acl.network_acls_public.id}',
      rule_number: 50,
      egress: false,
      protocol: 'tcp',
      from_port: 443,
      to_port: 443,
      cidr_block: '0.0.0.0/0',
      rule_action: 'deny',
    };
    expect(judgeAwsFlow(networkOf(config), needed('shoppers-https'), 'needed')['network-acl']).toMatchObject({
      verdict: 'blocked',
      rule: 'aws_network_acl_rule.deny_https',
    });
  });

  it('without the private ACL return rule to the public tier blocks the load balancer targets there (the return path)', () => {
    const config = prodStack();
    const rules = config.resource.aws_network_acl_rule as Json[string];
    for (const name of Object.keys(rules)) {
      if (name.includes('private_egress') && name.includes('1024_65535_to_public')) delete rules[name];
    }
    const acl = judgeAwsFlow(networkOf(config), needed('alb-to-frontend'), 'needed')['network-acl'];
    expect(acl).toMatchObject({ verdict: 'blocked', rule: 'aws_network_acl.network_acls_private' });
    expect(acl.detail).toContain('egress: no rule admits tcp 1024');
  });

  it('with the private default route going nowhere blocks the NAT flows at the route', () => {
    const config = prodStack();
    delete config.resource.aws_route?.network_private_a_default_route;
    expect(judgeAwsFlow(networkOf(config), needed('nodes-aws-apis'), 'needed').route).toMatchObject({
      verdict: 'blocked',
      rule: 'aws_route_table.network_private_a_route_table',
    });
  });

  it('with the database group admitting the whole VPC admits the public tier there', () => {
    const config = prodStack();
    const rule = config.resource.aws_vpc_security_group_ingress_rule?.database_from_nodes as Record<string, unknown>;
    delete rule.referenced_security_group_id;
    rule.cidr_ipv4 = '10.0.0.0/16';
    const layers = judgeAwsFlow(networkOf(config), forbidden('public-tier-to-database'), 'forbidden');
    expect(layers['security-group']).toMatchObject({
      verdict: 'allowed',
      rule: 'aws_vpc_security_group_ingress_rule.database_from_nodes',
    });
    // The network ACL still refuses it: each layer is judged on its own.
    expect(layers['network-acl'].verdict).toBe('blocked');
  });

  it('with a public route to the internet gateway on the private subnets opens the route layer to the internet', () => {
    const config = prodStack();
    const route = config.resource.aws_route?.network_private_a_default_route as Record<string, unknown>;
    delete route.nat_gateway_id;
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
    route.gateway_id = '${aws_internet_gateway.network_internet_gateway.id}';
    expect(judgeAwsFlow(networkOf(config), forbidden('internet-to-database'), 'forbidden').route).toMatchObject({
      verdict: 'allowed',
      rule: 'aws_route.network_private_a_default_route',
    });
  });
});

describe('a stack without a VPC', () => {
  it('has no network to judge', () => {
    const config = {
      provider: { aws: [{ region: 'eu-west-1' }] },
      resource: { aws_s3_bucket: { logs: { bucket: 'x' } } },
    };
    expect(indexStack(normalizeFile(STACK, JSON.stringify(config)))).toBeUndefined();
  });
});
