import { normalizeFile } from './normalize';

const FILE = 'terraform/cdktf.out/stacks/prod/cdk.tf.json';

function resourcesOf(resource: Record<string, unknown>) {
  return normalizeFile(FILE, JSON.stringify({ provider: { aws: [{ region: 'eu-west-1' }] }, resource }));
}

function factsOf(resource: Record<string, unknown>, address: string) {
  return resourcesOf(resource).find((r) => r.address === address)?.facts;
}

const GROUP = { nodes: { name: 'nodes' } };
const rule = (protocol: string, from: number | undefined, to: number | undefined, cidr: Record<string, string>) => ({
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
  security_group_id: '${aws_security_group.nodes.id}',
  ip_protocol: protocol,
  ...(from === undefined ? {} : { from_port: from, to_port: to }),
  ...cidr,
});

describe('facts.internetIngress of a security group', () => {
  it('unions the CIDR blocks of separate rule resources per port', () => {
    const facts = factsOf(
      {
        aws_security_group: GROUP,
        aws_vpc_security_group_ingress_rule: {
          low: rule('tcp', 22, 22, { cidr_ipv4: '0.0.0.0/1' }),
          high: rule('tcp', 20, 30, { cidr_ipv4: '128.0.0.0/1' }),
        },
      },
      'aws_security_group.nodes',
    );
    expect(facts).toEqual({
      internetIngress: [
        {
          protocol: 'tcp',
          fromPort: 22,
          toPort: 22,
          family: 'ipv4',
          rules: ['aws_vpc_security_group_ingress_rule.high', 'aws_vpc_security_group_ingress_rule.low'],
        },
      ],
    });
  });

  it('counts an all-protocol rule for every port, and reads protocol numbers', () => {
    const facts = factsOf(
      {
        aws_security_group: GROUP,
        aws_vpc_security_group_ingress_rule: {
          everything: rule('-1', undefined, undefined, { cidr_ipv6: '::/1' }),
          https: rule('6', 443, 443, { cidr_ipv6: '8000::/1' }),
        },
      },
      'aws_security_group.nodes',
    );
    expect(facts?.internetIngress).toEqual([
      {
        protocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        family: 'ipv6',
        rules: ['aws_vpc_security_group_ingress_rule.everything', 'aws_vpc_security_group_ingress_rule.https'],
      },
    ]);
  });

  it('reads inline ingress blocks and legacy aws_security_group_rule ingress', () => {
    const facts = factsOf(
      {
        aws_security_group: {
          nodes: { ingress: [{ protocol: 'tcp', from_port: 0, to_port: 65535, cidr_blocks: ['0.0.0.0/0'] }] },
        },
        aws_security_group_rule: {
          // egress rules never open anything inbound
          out: { type: 'egress', protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['0.0.0.0/0'] },
        },
      },
      'aws_security_group.nodes',
    );
    expect(facts?.internetIngress).toEqual([
      { protocol: 'tcp', fromPort: 0, toPort: 65535, family: 'ipv4', rules: ['ingress[0]'] },
    ]);
  });

  it('leaves a group with only private sources without facts', () => {
    const facts = factsOf(
      {
        aws_security_group: GROUP,
        aws_vpc_security_group_ingress_rule: { vpc: rule('tcp', 22, 22, { cidr_ipv4: '10.0.0.0/8' }) },
      },
      'aws_security_group.nodes',
    );
    expect(facts).toEqual({});
  });

  it('judges a rule on a group the stack does not declare on its own', () => {
    const facts = factsOf(
      {
        aws_vpc_security_group_ingress_rule: {
          orphan: {
            security_group_id: 'sg-0123',
            ip_protocol: 'tcp',
            from_port: 22,
            to_port: 22,
            cidr_ipv4: '0.0.0.0/0',
          },
        },
      },
      'aws_vpc_security_group_ingress_rule.orphan',
    );
    expect(facts?.internetIngress).toEqual([
      {
        protocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        family: 'ipv4',
        rules: ['aws_vpc_security_group_ingress_rule.orphan'],
      },
    ]);
  });
});

describe('facts.publicAccessCidrsCoverInternet of an EKS cluster', () => {
  it.each([
    [['0.0.0.0/1', '128.0.0.0/1'], true],
    [['203.0.113.0/24'], false],
    [undefined, true],
  ])('is %p → %p', (cidrs, expected) => {
    const facts = factsOf(
      { aws_eks_cluster: { main: { vpc_config: { endpoint_public_access: true, public_access_cidrs: cidrs } } } },
      'aws_eks_cluster.main',
    );
    expect(facts?.publicAccessCidrsCoverInternet).toBe(expected);
  });
});
