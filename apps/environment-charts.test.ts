import { GDPR_KEYS } from '../environments';
import { ENVIRONMENT_ROWS, type Found, objectsOf, podTemplateOf, workloadsOf } from './lib/test-helpers';

const ALL_GDPR_KEYS = Object.values(GDPR_KEYS);

/** GDPR keys a label map must carry: all four for personal data, else the first two. */
function missingGdprKeys(labels: Record<string, string> | undefined): string[] {
  const present = labels ?? {};
  const required =
    present[GDPR_KEYS.personalData] === 'true' ? ALL_GDPR_KEYS : [GDPR_KEYS.personalData, GDPR_KEYS.classification];
  return required.filter((key) => present[key] === undefined);
}

describe.each(ENVIRONMENT_ROWS)('the %s cluster', (_name, env) => {
  const objects = objectsOf(env);

  it('never has two objects of the same kind, namespace and name', () => {
    const keys = objects.map((o) => `${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });

  it('holds no Secret object, so no secret value is ever committed', () => {
    expect(objects.filter((o) => o.kind === 'Secret').map((o) => o.metadata.name)).toEqual([]);
  });

  it('labels every Namespace with the GDPR keys its data needs', () => {
    const namespaces = objects.filter((o) => o.kind === 'Namespace');
    expect(namespaces.length).toBeGreaterThan(0);
    for (const ns of namespaces)
      expect({ ns: ns.metadata.name, missing: missingGdprKeys(ns.metadata.labels) }).toEqual({
        ns: ns.metadata.name,
        missing: [],
      });
  });

  it('labels every workload and its pod template with the GDPR keys', () => {
    const workloads = workloadsOf(env);
    expect(workloads.map((w) => w.kind)).toEqual(expect.arrayContaining(['Deployment', 'Job']));
    for (const workload of workloads) {
      const where = `${workload.kind}/${workload.metadata.name}`;
      expect({ where, missing: missingGdprKeys(workload.metadata.labels) }).toEqual({ where, missing: [] });
      expect({ where, missing: missingGdprKeys(podTemplateOf(workload).metadata?.labels) }).toEqual({
        where,
        missing: [],
      });
    }
  });

  it('gives every container requests, limits and a restricted security context', () => {
    for (const workload of workloadsOf(env)) {
      for (const container of podTemplateOf(workload).spec.containers) {
        const where = `${workload.kind}/${workload.metadata.name}/${container.name}`;
        expect({ where, requests: Object.keys(container.resources?.requests ?? {}).sort() }).toEqual({
          where,
          requests: ['cpu', 'memory'],
        });
        expect({ where, limits: Object.keys(container.resources?.limits ?? {}).sort() }).toEqual({
          where,
          limits: ['cpu', 'memory'],
        });
        expect({ where, securityContext: container.securityContext }).toEqual({
          where,
          securityContext: expect.objectContaining({
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            readOnlyRootFilesystem: true,
            runAsNonRoot: true,
            seccompProfile: { type: 'RuntimeDefault' },
          }),
        });
      }
    }
  });

  it('gives every container of a long-running workload readiness and liveness probes', () => {
    const longRunning = workloadsOf(env).filter((w) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(w.kind));
    expect(longRunning.length).toBeGreaterThan(0);
    for (const workload of longRunning) {
      for (const container of podTemplateOf(workload).spec.containers) {
        expect({
          container: container.name,
          readiness: Boolean(container.readinessProbe),
          liveness: Boolean(container.livenessProbe),
        }).toEqual({
          container: container.name,
          readiness: true,
          liveness: true,
        });
      }
    }
  });

  it('runs only pinned images, never latest or an untagged one', () => {
    for (const workload of workloadsOf(env)) {
      for (const container of podTemplateOf(workload).spec.containers) {
        expect(container.image).toMatch(/^[^:]+:(?!latest$)[\w.-]+$/);
      }
    }
  });

  it('serves every Ingress host under TLS with a certificate from the ClusterIssuer', () => {
    const ingresses = objects.filter((o) => o.kind === 'Ingress') as Found[];
    expect(ingresses.map((i) => i.metadata.name).sort()).toEqual(['backend', 'frontend', 'kibana']);
    for (const ingress of ingresses) {
      const hosts = ingress.spec.rules.map((rule: { host: string }) => rule.host);
      const tlsHosts = ingress.spec.tls.flatMap((tls: { hosts: string[] }) => tls.hosts);
      expect(tlsHosts).toEqual(expect.arrayContaining(hosts));
      expect(ingress.metadata.annotations['cert-manager.io/cluster-issuer']).toBe('letsencrypt');
      expect(ingress.metadata.annotations['nginx.ingress.kubernetes.io/force-ssl-redirect']).toBe('true');
    }
  });
});
