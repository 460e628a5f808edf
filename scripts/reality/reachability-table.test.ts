import type { PolicyResource } from '../gate/types';
import { reachabilitySection as htmlSection } from '../render/format-html';
import { reachabilitySection as markdownSection } from '../render/format-markdown';
import { reachabilityRows, reachabilityTextLines } from './reachability-table';
import type { ReachabilityEntry } from './reachability-types';

function carrying(address: string, environment: 'dev' | 'prod', entries: ReachabilityEntry[]): PolicyResource {
  return {
    source: 'terraform',
    file: `terraform/cdktf.out/stacks/${environment}/cdk.tf.json`,
    line: 1,
    group: `terraform/cdktf.out/stacks/${environment}`,
    environment,
    region: 'eu-west-1',
    type: address.split('.')[0] as string,
    apiVersion: null,
    name: address.split('.')[1] as string,
    namespace: null,
    address,
    tags: {},
    values: {},
    references: [],
    attributeReferences: {},
    facts: { reachability: entries },
  };
}

const entry = (
  flow: string,
  expectation: 'needed' | 'forbidden',
  layer: ReachabilityEntry['layer'],
  verdict: ReachabilityEntry['verdict'],
  rule: string,
): ReachabilityEntry => ({
  flow,
  expectation,
  layer,
  verdict,
  rule,
  detail: `${rule} <decides>`,
});

const RESOURCES = [
  carrying('aws_network_acl.private', 'prod', [
    entry('nodes-https-out', 'needed', 'network-acl', 'blocked', 'aws_network_acl.private'),
    entry('internet-to-database', 'forbidden', 'network-acl', 'blocked', 'aws_network_acl.private'),
  ]),
  carrying('aws_route.private', 'prod', [entry('nodes-https-out', 'needed', 'route', 'allowed', 'aws_route.private')]),
  carrying('aws_vpc_security_group_ingress_rule.db', 'prod', [
    entry('internet-to-database', 'forbidden', 'security-group', 'allowed', 'aws_vpc_security_group_ingress_rule.db'),
  ]),
  carrying('aws_route.public', 'dev', [entry('shoppers-https', 'needed', 'route', 'allowed', 'aws_route.public')]),
];

describe('the reachability table', () => {
  const rows = reachabilityRows(RESOURCES);

  it('joins the layers of one flow into one row, by environment, needed before forbidden', () => {
    expect(rows.map((row) => [row.environment, row.flow, row.result])).toEqual([
      ['dev', 'shoppers-https', 'open'],
      ['prod', 'nodes-https-out', 'blocked at network-acl'],
      ['prod', 'internet-to-database', 'admitted at security-group'],
    ]);
    expect(rows[1]?.layers.route).toMatchObject({ verdict: 'allowed', rule: 'aws_route.private' });
  });

  it('sums each environment in text and lists the rows a policy reports', () => {
    expect(reachabilityTextLines(rows)).toEqual([
      'REACHABILITY dev: 1 flows; needed 1 open, 0 blocked; forbidden 0 refused, 0 admitted; 0 not judged',
      'REACHABILITY prod: 2 flows; needed 0 open, 1 blocked; forbidden 0 refused, 1 admitted; 0 not judged',
      '  nodes-https-out [needed] blocked at network-acl: route allowed (aws_route.private); network-acl blocked (aws_network_acl.private)',
      '  internet-to-database [forbidden] admitted at security-group: network-acl blocked (aws_network_acl.private); security-group allowed (aws_vpc_security_group_ingress_rule.db)',
    ]);
  });

  it('shows every flow with its deciding rule in HTML, escaping what it quotes', () => {
    const html = htmlSection(rows).join('\n');
    expect(html).toContain('<section id="reachability">');
    expect(html).toContain('<h3 id="reachability-prod">Reachability: prod</h3>');
    for (const flow of ['shoppers-https', 'nodes-https-out', 'internet-to-database']) {
      expect(html).toContain(`<code>${flow}</code>`);
      expect(html).toContain(`<tr data-flow="${flow}">`);
    }
    expect(html).toContain('<code>aws_vpc_security_group_ingress_rule.db</code>');
    expect(html).toContain('&lt;decides&gt;');
    expect(html).not.toContain('<decides>');
  });

  it('shows one Markdown table per environment', () => {
    const markdown = markdownSection(rows);
    expect(markdown).toContain('### Reachability: dev');
    expect(markdown).toContain(
      '| `internet-to-database` | forbidden | – | blocked: `aws_network_acl.private` | allowed: `aws_vpc_security_group_ingress_rule.db` | – | ❌ admitted at security-group |',
    );
  });
});
