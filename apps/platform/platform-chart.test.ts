import { App } from 'cdk8s';
import { DATA_PROFILES, type Environment, GDPR_KEYS } from '../../environments';
import { operationalLogsProfile } from '../lib/data-profiles';
import { ENVIRONMENT_ROWS, find, objectsOf } from '../lib/test-helpers';
import { ingressNginxRelease } from './ingress-nginx';
import { PlatformChart, podSecurityVersion } from './platform-chart';

describe.each(ENVIRONMENT_ROWS)('the platform chart of %s', (_name, env) => {
  it('enforces Pod Security restricted on the app namespace and labels it as customer data', () => {
    const labels = find(env, 'Namespace', 'ecolaura').metadata.labels;
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
    const namespaces = objectsOf(env).filter((o) => o.kind === 'Namespace');
    expect(namespaces.length).toBeGreaterThan(0);
    for (const ns of namespaces) {
      for (const mode of ['enforce', 'audit', 'warn']) {
        expect(ns.metadata.labels?.[`pod-security.kubernetes.io/${mode}-version`]).toBe('v1.35');
        expect(ns.metadata.labels?.[`pod-security.kubernetes.io/${mode}-version`]).not.toBe('v1.28');
      }
    }
  });

  it('gives a reason wherever a namespace enforces less than restricted', () => {
    const relaxed = objectsOf(env).filter(
      (o) => o.kind === 'Namespace' && o.metadata.labels?.['pod-security.kubernetes.io/enforce'] !== 'restricted',
    );
    expect(relaxed.map((ns) => ns.metadata.name).sort()).toEqual([
      'ingress-nginx',
      'log-shipper',
      'logging',
      'node-exporter',
    ]);
    for (const ns of relaxed) expect(ns.metadata.annotations?.['ecolaura.io/pod-security-reason']).toMatch(/\w+/);
  });

  it('enforces restricted on monitoring and gives node-exporter its own privileged namespace', () => {
    // Before: monitoring itself was privileged for node-exporter's sake.
    expect(find(env, 'Namespace', 'monitoring').metadata.labels['pod-security.kubernetes.io/enforce']).toBe(
      'restricted',
    );
    const nodeExporter = find(env, 'Namespace', 'node-exporter');
    expect(nodeExporter.metadata.labels['pod-security.kubernetes.io/enforce']).toBe('privileged');
    expect(nodeExporter.metadata.labels['pod-security.kubernetes.io/warn']).toBe('restricted');
  });

  it('keeps the log store at baseline and gives Filebeat, which needs hostPath, its own privileged namespace', () => {
    const level = (ns: string) => find(env, 'Namespace', ns).metadata.labels['pod-security.kubernetes.io/enforce'];
    // Before: logging was privileged for Filebeat's sake, Elasticsearch and Kibana with it.
    expect(level('logging')).toBe('baseline');
    expect(level('log-shipper')).toBe('privileged');
    expect(find(env, 'Beat', 'filebeat').metadata.namespace).toBe('log-shipper');
  });

  it('makes the encrypted gp3 StorageClass the default', () => {
    const storageClass = find(env, 'StorageClass', 'encrypted-gp3');
    expect(storageClass.metadata.annotations).toEqual({ 'storageclass.kubernetes.io/is-default-class': 'true' });
    expect(storageClass.provisioner).toBe('ebs.csi.aws.com');
    expect(storageClass.parameters).toMatchObject({ type: 'gp3', encrypted: 'true' });
    // kmsKeyId and the GDPR tags: encrypted-storage-class.test.ts
  });

  it('lets the ingress controller reach the frontend, and the frontend reach the backend', () => {
    const frontend = find(env, 'NetworkPolicy', 'frontend');
    expect(frontend.spec.ingress[0].from[0].namespaceSelector.matchLabels).toEqual({
      'kubernetes.io/metadata.name': 'ingress-nginx',
    });
    expect(frontend.spec.egress).toEqual([
      {
        to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'backend' } } }],
        ports: [{ port: 8000, protocol: 'TCP' }],
      },
    ]);
  });

  it('compresses responses with gzip and sends HSTS and HTTPS redirects from the ingress controller', () => {
    const { config } = ingressNginxRelease(env).values.controller;
    expect(config).toMatchObject({
      'use-gzip': 'true',
      hsts: 'true',
      'force-ssl-redirect': 'true',
      'ssl-redirect': 'true',
    });
    expect(Number(config['hsts-max-age'])).toBeGreaterThanOrEqual(31536000);
  });
});

describe('the logs retention of an environment', () => {
  it('is refused above the GDPR ceiling of operational logs, naming the field', () => {
    const [, env] = ENVIRONMENT_ROWS[0] as [string, Environment];
    const tooLong = { ...env, observability: { ...env.observability, logRetentionDays: 365 } };
    expect(() => operationalLogsProfile(tooLong)).toThrow(/observability\.logRetentionDays: 365 exceeds the 90 days/);
    expect(() => new PlatformChart(new App(), 'platform', { env: tooLong })).toThrow(/logRetentionDays/);
  });
});
