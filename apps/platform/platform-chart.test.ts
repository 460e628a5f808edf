import { App } from 'cdk8s';
import { DATA_PROFILES, type Environment, GDPR_KEYS } from '../../environments';
import { operationalLogsProfile } from '../lib/data-profiles';
import type { KubeObject } from '../lib/manifest-files';
import { ENVIRONMENT_ROWS, type Found, find } from '../lib/test-helpers';
import { registeredApps } from '../registry';
import { namespaceFlows } from './network-flows';
import { PlatformChart, podSecurityVersion } from './platform-chart';

/** The platform chart alone, with the flows the registered apps declare. */
function platformObjects(env: Environment): Found[] {
  const chart = new PlatformChart(new App(), 'platform', { env, flows: namespaceFlows(registeredApps(), env) });
  return chart.toJson() as KubeObject[] as Found[];
}

function inPlatform(env: Environment, kind: string, name: string): Found {
  const found = platformObjects(env).filter((o) => o.kind === kind && o.metadata.name === name);
  if (found.length !== 1) throw new Error(`${env.name}: expected one ${kind} "${name}", found ${found.length}`);
  return found[0] as Found;
}

describe.each(ENVIRONMENT_ROWS)('the platform chart of %s', (_name, env) => {
  it('enforces Pod Security restricted on the app namespace and labels it as customer data', () => {
    const labels = inPlatform(env, 'Namespace', 'ecolaura').metadata.labels;
    expect(labels).toMatchObject({
      'pod-security.kubernetes.io/enforce': 'restricted',
      'pod-security.kubernetes.io/warn': 'restricted',
      'pod-security.kubernetes.io/audit': 'restricted',
      [GDPR_KEYS.personalData]: 'true',
      [GDPR_KEYS.classification]: DATA_PROFILES.customerData.classification,
      [GDPR_KEYS.retentionDays]: String(DATA_PROFILES.customerData.retentionDays),
      [GDPR_KEYS.lawfulBasis]: DATA_PROFILES.customerData.lawfulBasis,
    });
  });

  it('pins every Pod Security label to the cluster version of the model, v1.35, not the old v1.28', () => {
    expect(podSecurityVersion(env)).toBe(`v${env.eks.version}`);
    const namespaces = platformObjects(env).filter((o) => o.kind === 'Namespace');
    expect(namespaces.length).toBeGreaterThan(0);
    for (const ns of namespaces) {
      for (const mode of ['enforce', 'audit', 'warn']) {
        expect(ns.metadata.labels?.[`pod-security.kubernetes.io/${mode}-version`]).toBe('v1.35');
        expect(ns.metadata.labels?.[`pod-security.kubernetes.io/${mode}-version`]).not.toBe('v1.28');
      }
    }
  });

  it('asks the load balancer controller for pod readiness gates in the app namespace', () => {
    expect(inPlatform(env, 'Namespace', 'ecolaura').metadata.labels['elbv2.k8s.aws/pod-readiness-gate-inject']).toBe(
      'enabled',
    );
  });

  it('gives a reason wherever a namespace enforces less than restricted', () => {
    const relaxed = platformObjects(env).filter(
      (o) => o.kind === 'Namespace' && o.metadata.labels?.['pod-security.kubernetes.io/enforce'] !== 'restricted',
    );
    expect(relaxed.map((ns) => ns.metadata.name).sort()).toEqual(['log-shipper', 'logging', 'node-exporter']);
    for (const ns of relaxed) expect(ns.metadata.annotations?.['ecolaura.io/pod-security-reason']).toMatch(/\w+/);
  });

  it('enforces restricted on monitoring and gives node-exporter its own privileged namespace', () => {
    // Before: monitoring itself was privileged for node-exporter's sake.
    expect(inPlatform(env, 'Namespace', 'monitoring').metadata.labels['pod-security.kubernetes.io/enforce']).toBe(
      'restricted',
    );
    const nodeExporter = inPlatform(env, 'Namespace', 'node-exporter');
    expect(nodeExporter.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('privileged');
    expect(nodeExporter.metadata.labels['pod-security.kubernetes.io/warn']).toBe('restricted');
  });

  it('keeps the log store at baseline and gives Filebeat, which needs hostPath, its own privileged namespace', () => {
    const level = (ns: string) =>
      inPlatform(env, 'Namespace', ns).metadata.labels['pod-security.kubernetes.io/enforce'];
    // Before: logging was privileged for Filebeat's sake, Elasticsearch and Kibana with it.
    expect(level('logging')).toBe('baseline');
    expect(level('log-shipper')).toBe('privileged');
    expect(find(env, 'Beat', 'filebeat').metadata.namespace).toBe('log-shipper');
  });

  it('makes the encrypted gp3 StorageClass the default', () => {
    const storageClass = inPlatform(env, 'StorageClass', 'encrypted-gp3');
    expect(storageClass.metadata.annotations).toEqual({ 'storageclass.kubernetes.io/is-default-class': 'true' });
    expect(storageClass.provisioner).toBe('ebs.csi.aws.com');
    expect(storageClass.parameters).toMatchObject({ type: 'gp3', encrypted: 'true' });
    // kmsKeyId and the GDPR tags: encrypted-storage-class.test.ts
  });

  it('lets only the ALB in the public subnets reach the frontend and the backend on their container ports', () => {
    const publicCidrs = env.network.publicSubnets.map((subnet) => subnet.cidr);
    for (const [name, port] of [
      ['frontend', 8080],
      ['backend', 8000],
    ] as const) {
      const ingress = inPlatform(env, 'NetworkPolicy', name).spec.ingress as { from: Found[]; ports: unknown[] }[];
      const fromSubnets = ingress.filter((rule) => rule.from.some((peer) => peer.ipBlock));
      expect(fromSubnets.flatMap((rule) => rule.from.map((peer) => peer.ipBlock.cidr))).toEqual(publicCidrs);
      for (const rule of fromSubnets) expect(rule.ports).toEqual([{ port, protocol: 'TCP' }]);
      // The retired ingress-nginx namespace is no peer any more.
      expect(JSON.stringify(ingress)).not.toContain('ingress-nginx');
    }
  });

  it('lets the frontend reach the backend and nothing else', () => {
    expect(inPlatform(env, 'NetworkPolicy', 'frontend').spec.egress).toEqual([
      {
        to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'backend' } } }],
        ports: [{ port: 8000, protocol: 'TCP' }],
      },
    ]);
  });

  it('runs the load balancer controller in its own namespace under Pod Security restricted', () => {
    const labels = inPlatform(env, 'Namespace', 'aws-load-balancer-controller').metadata.labels;
    expect(labels['pod-security.kubernetes.io/enforce']).toBe('restricted');
    expect(platformObjects(env).filter((o) => o.kind === 'Namespace' && o.metadata.name === 'ingress-nginx')).toEqual(
      [],
    );
  });
});

describe('the logs retention of an environment', () => {
  it('is refused above the GDPR ceiling of operational logs, naming the field', () => {
    const [, env] = ENVIRONMENT_ROWS[0] as [string, Environment];
    const tooLong = { ...env, observability: { ...env.observability, logRetentionDays: 365 } };
    expect(() => operationalLogsProfile(tooLong)).toThrow(/observability\.logRetentionDays: 365 exceeds the 90 days/);
    expect(
      () => new PlatformChart(new App(), 'platform', { env: tooLong, flows: namespaceFlows(registeredApps(), env) }),
    ).toThrow(/logRetentionDays/);
  });
});
