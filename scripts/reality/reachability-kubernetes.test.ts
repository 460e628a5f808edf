import { join } from 'node:path';
import { normalizeFile } from '../gate/normalize';
import { runGate } from '../gate/run-gate';
import { indexCluster, judgeSide, type Peer, type Pod } from './network-policy-index';
import { sampleOf } from './reachability-aws-stack';
import { reachabilityRows } from './reachability-table';

const REPO = join(__dirname, '..', '..');

function cluster(...documents: string[]) {
  return indexCluster(normalizeFile('clusters/prod/platform/test.yaml', documents.join('---\n')));
}

function namespace(name: string, labels = ''): string {
  return `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n${labels ? `  labels:\n${labels}` : ''}`;
}

function policy(ns: string, name: string, spec: string): string {
  return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: ${name}\n  namespace: ${ns}\nspec:\n${spec}`;
}

const DEFAULT_DENY = '  podSelector: {}\n  policyTypes: [Ingress, Egress]\n';

function pod(ns: string, labels: Record<string, string> = {}, namedPorts: Record<string, number> = {}): Pod {
  return { namespace: ns, labels, label: `pod of ${ns}`, namedPorts };
}

const asPeer = (p: Pod): Peer => ({ kind: 'pod', pod: p });
const address = (cidr: string): Peer => ({ kind: 'address', address: sampleOf(cidr) as bigint, label: cidr });

describe('NetworkPolicy semantics', () => {
  it('leave a pod no policy selects open, naming its namespace', () => {
    const index = cluster(namespace('shop'));
    expect(judgeSide(index, pod('shop'), 'ingress', asPeer(pod('other')), 'tcp', 80)).toMatchObject({
      allowed: true,
      rule: 'Namespace/shop',
    });
  });

  it('block everything under a default deny, naming the default deny', () => {
    const index = cluster(namespace('shop'), policy('shop', 'default-deny', DEFAULT_DENY));
    expect(judgeSide(index, pod('shop'), 'egress', address('10.0.3.0/24'), 'tcp', 5432)).toMatchObject({
      allowed: false,
      rule: 'NetworkPolicy/shop/default-deny',
    });
  });

  it('add allowances up across policies, the first admitting one deciding', () => {
    const index = cluster(
      policy('shop', 'default-deny', DEFAULT_DENY),
      policy(
        'shop',
        'allow-web',
        '  podSelector:\n    matchLabels: {app: web}\n  ingress:\n    - ports: [{port: 8080}]\n',
      ),
    );
    expect(judgeSide(index, pod('shop', { app: 'web' }), 'ingress', asPeer(pod('x')), 'tcp', 8080).rule).toBe(
      'NetworkPolicy/shop/allow-web',
    );
    expect(judgeSide(index, pod('shop', { app: 'web' }), 'ingress', asPeer(pod('x')), 'udp', 8080).allowed).toBe(false);
    expect(judgeSide(index, pod('shop', { app: 'db' }), 'ingress', asPeer(pod('x')), 'tcp', 8080).allowed).toBe(false);
  });

  it('read a namespaceSelector and a podSelector in one peer as both, in two peers as either', () => {
    const both = cluster(
      namespace('monitoring'),
      policy(
        'shop',
        'scrape',
        '  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels: {kubernetes.io/metadata.name: monitoring}\n          podSelector:\n            matchLabels: {app: prometheus}\n',
      ),
    );
    const prometheus = asPeer(pod('monitoring', { app: 'prometheus' }));
    const grafana = asPeer(pod('monitoring', { app: 'grafana' }));
    const shopPrometheus = asPeer(pod('shop', { app: 'prometheus' }));
    expect(judgeSide(both, pod('shop'), 'ingress', prometheus, 'tcp', 9090).allowed).toBe(true);
    expect(judgeSide(both, pod('shop'), 'ingress', grafana, 'tcp', 9090).allowed).toBe(false);
    expect(judgeSide(both, pod('shop'), 'ingress', shopPrometheus, 'tcp', 9090).allowed).toBe(false);
    const either = cluster(
      policy(
        'shop',
        'scrape',
        '  podSelector: {}\n  ingress:\n    - from:\n        - namespaceSelector:\n            matchLabels: {kubernetes.io/metadata.name: monitoring}\n        - podSelector:\n            matchLabels: {app: prometheus}\n',
      ),
    );
    expect(judgeSide(either, pod('shop'), 'ingress', grafana, 'tcp', 9090).allowed).toBe(true);
    expect(judgeSide(either, pod('shop'), 'ingress', shopPrometheus, 'tcp', 9090).allowed).toBe(true);
  });

  it('evaluate matchExpressions', () => {
    const index = cluster(
      policy(
        'shop',
        'tiers',
        '  podSelector:\n    matchExpressions:\n      - {key: tier, operator: In, values: [web, api]}\n      - {key: legacy, operator: DoesNotExist}\n  policyTypes: [Ingress]\n',
      ),
    );
    const isolated = (labels: Record<string, string>) =>
      !judgeSide(index, pod('shop', labels), 'ingress', asPeer(pod('x')), 'tcp', 1).allowed;
    expect([isolated({ tier: 'web' }), isolated({ tier: 'db' }), isolated({ tier: 'api', legacy: 'y' })]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('isolate egress without policyTypes only when the policy has egress rules', () => {
    const index = cluster(policy('shop', 'egress-only', '  podSelector: {}\n  egress:\n    - ports: [{port: 443}]\n'));
    expect(judgeSide(index, pod('shop'), 'egress', address('0.0.0.0/0'), 'tcp', 80).allowed).toBe(false);
    expect(judgeSide(index, pod('shop'), 'egress', address('0.0.0.0/0'), 'tcp', 443).allowed).toBe(true);
    // Ingress is isolated too (it always is), and nothing admits it.
    expect(judgeSide(index, pod('shop'), 'ingress', asPeer(pod('x')), 'tcp', 80).allowed).toBe(false);
  });

  it('match ipBlock against addresses outside the pod network only, minus its exceptions', () => {
    const index = cluster(
      policy(
        'shop',
        'from-vpc',
        '  podSelector: {}\n  ingress:\n    - from:\n        - ipBlock: {cidr: 10.0.0.0/16, except: [10.0.4.0/24]}\n',
      ),
    );
    expect(judgeSide(index, pod('shop'), 'ingress', address('10.0.3.0/24'), 'tcp', 80).allowed).toBe(true);
    expect(judgeSide(index, pod('shop'), 'ingress', address('10.0.4.0/24'), 'tcp', 80).allowed).toBe(false);
    expect(judgeSide(index, pod('shop'), 'ingress', asPeer(pod('shop')), 'tcp', 80).allowed).toBe(false);
  });

  it('resolve a named port against the destination pod', () => {
    const index = cluster(policy('shop', 'named', '  podSelector: {}\n  ingress:\n    - ports: [{port: http}]\n'));
    expect(judgeSide(index, pod('shop', {}, { http: 8080 }), 'ingress', asPeer(pod('x')), 'tcp', 8080).allowed).toBe(
      true,
    );
    expect(judgeSide(index, pod('shop', {}, { http: 8080 }), 'ingress', asPeer(pod('x')), 'tcp', 80).allowed).toBe(
      false,
    );
  });

  it('take ECK pods and workload templates from the manifests, leaving host-network pods out', () => {
    const index = cluster(
      'apiVersion: elasticsearch.k8s.elastic.co/v1\nkind: Elasticsearch\nmetadata:\n  name: logs\n  namespace: logging\nspec: {}\n',
      'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: exporter\n  namespace: nodes\nspec:\n  template:\n    metadata:\n      labels: {app: exporter}\n    spec:\n      hostNetwork: true\n',
    );
    expect(index.pods.map((p) => [p.address, p.labels['elasticsearch.k8s.elastic.co/cluster-name']])).toEqual([
      ['Elasticsearch/logging/logs', 'logs'],
    ]);
  });
});

describe('the NetworkPolicies committed for prod', () => {
  let rows: ReturnType<typeof reachabilityRows>;

  beforeAll(async () => {
    const report = await runGate({
      paths: ['clusters/prod'],
      root: REPO,
      bundleDir: join(REPO, 'policies', 'bundle'),
      exceptionsFile: join(REPO, 'policies', 'exceptions.yaml'),
      today: '2026-12-02',
    });
    rows = reachabilityRows(report.resources);
  });

  it('carry every needed flow and refuse every forbidden one', () => {
    expect(rows.filter((row) => !row.ok).map((row) => `${row.flow}: ${row.result}`)).toEqual([]);
  });

  it('are judged on the flows the issue lists: DNS, scrapes, the log pipeline, the database, namespaces', () => {
    const names = rows.map((row) => row.flow);
    for (const flow of [
      'alb-to-frontend',
      'alb-to-backend',
      'backend-to-database',
      'dns-from-ecolaura',
      'dns-from-monitoring',
      'prometheus-scrapes-ecolaura-8000',
      'prometheus-scrapes-nodes',
      'filebeat-to-elasticsearch',
      'kibana-to-elasticsearch',
      'internal-lb-to-kibana',
      'acme-http01-solver',
      'other-pods-to-database',
      'undeclared-namespace-to-ecolaura',
    ]) {
      expect(names).toContain(flow);
    }
    expect(rows.find((row) => row.flow === 'acme-http01-solver')?.result).toBe('not judged');
  });

  it('let only the backend and its role Job reach PostgreSQL', () => {
    const row = rows.find((r) => r.flow === 'other-pods-to-database');
    expect(row?.layers['network-policy']).toMatchObject({ verdict: 'blocked' });
  });
});
