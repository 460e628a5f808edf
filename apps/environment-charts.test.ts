import { GDPR_KEYS } from '../environments';
import { ENVIRONMENT_ROWS, type Found, objectsOf, podTemplateOf, workloadsOf } from './lib/test-helpers';
import { registeredApps } from './registry';

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

  it("sizes every app's HPA targets with an HPA in scaling/ at the model's bounds, and leaves their replicas to it", () => {
    const targets = registeredApps().flatMap((app) => (app.hpaTargets?.(env) ?? []).map((t) => ({ app, ...t })));
    expect(targets.map((t) => t.deployment).sort()).toEqual(['backend', 'frontend']);
    for (const { app, deployment, spec } of targets) {
      const hpa = objects.find((o) => o.kind === 'HorizontalPodAutoscaler' && o.metadata.name === deployment) as Found;
      expect([hpa.folder, hpa.spec.scaleTargetRef.name, hpa.spec.minReplicas, hpa.spec.maxReplicas]).toEqual([
        'scaling',
        deployment,
        spec.minReplicas,
        spec.maxReplicas,
      ]);
      const application = objects.find((o) => o.kind === 'Application' && o.metadata.name === app.folder) as Found;
      expect(application.spec.ignoreDifferences).toContainEqual(
        expect.objectContaining({ kind: 'Deployment', name: deployment, jsonPointers: ['/spec/replicas'] }),
      );
    }
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

  it('serves every Ingress on an ALB: HTTPS on 443 with a TLS 1.2+ policy, port 80 only redirecting, IP targets', () => {
    const ingresses = objects.filter((o) => o.kind === 'Ingress') as Found[];
    expect(ingresses.map((i) => i.metadata.name).sort()).toEqual(['backend', 'frontend', 'kibana']);
    for (const ingress of ingresses) {
      const annotations = ingress.metadata.annotations;
      expect({ name: ingress.metadata.name, className: ingress.spec.ingressClassName }).toEqual({
        name: ingress.metadata.name,
        className: 'alb',
      });
      expect(JSON.parse(annotations['alb.ingress.kubernetes.io/listen-ports'])).toEqual([{ HTTP: 80 }, { HTTPS: 443 }]);
      expect(annotations['alb.ingress.kubernetes.io/ssl-redirect']).toBe('443');
      expect(annotations['alb.ingress.kubernetes.io/ssl-policy']).toBe('ELBSecurityPolicy-TLS13-1-2-2021-06');
      expect(annotations['alb.ingress.kubernetes.io/target-type']).toBe('ip');
      expect(annotations['alb.ingress.kubernetes.io/listener-attributes.HTTPS-443']).toBe(
        'routing.http.response.strict_transport_security.header_value=max-age=31536000;includeSubDomains',
      );
      // Nothing of ingress-nginx or of cert-manager's ACME issuer is left on an Ingress.
      expect(Object.keys(annotations).filter((key) => !key.startsWith('alb.ingress.kubernetes.io/'))).toEqual([]);
    }
  });

  it('puts the shop on the internet-facing ALB and the admin UIs only on the internal one', () => {
    const scheme = (name: string) =>
      (objects.find((o) => o.kind === 'Ingress' && o.metadata.name === name) as Found).metadata.annotations[
        'alb.ingress.kubernetes.io/scheme'
      ];
    expect([scheme('frontend'), scheme('backend'), scheme('kibana')]).toEqual([
      'internet-facing',
      'internet-facing',
      'internal',
    ]);
  });

  it('leaves no ACME issuer: public TLS comes from ACM, cert-manager keeps only in-cluster CAs', () => {
    // The old setup: a Let's Encrypt ClusterIssuer solving HTTP-01 through the nginx class, whose
    // solver pods the default-deny NetworkPolicy made unreachable.
    const issuers = objects.filter((o) => o.kind === 'ClusterIssuer' || o.kind === 'Issuer') as Found[];
    expect(issuers.filter((issuer) => issuer.spec.acme)).toEqual([]);
    expect(JSON.stringify(objects)).not.toContain('http01');
    expect(JSON.stringify(objects)).not.toContain('acme-v02.api.letsencrypt.org');
    for (const issuer of issuers)
      expect(Object.keys(issuer.spec)).toEqual([expect.stringMatching(/^(ca|selfSigned)$/)]);
  });

  it('spreads the frontend and backend replicas across zones (hard) and nodes (soft)', () => {
    for (const name of ['frontend', 'backend']) {
      const deployment = objects.find((o) => o.kind === 'Deployment' && o.metadata.name === name) as Found;
      expect(deployment.spec.template.spec.topologySpreadConstraints).toEqual([
        {
          maxSkew: 1,
          topologyKey: 'topology.kubernetes.io/zone',
          whenUnsatisfiable: 'DoNotSchedule',
          labelSelector: { matchLabels: { 'app.kubernetes.io/name': name } },
        },
        {
          maxSkew: 1,
          topologyKey: 'kubernetes.io/hostname',
          whenUnsatisfiable: 'ScheduleAnyway',
          labelSelector: { matchLabels: { 'app.kubernetes.io/name': name } },
        },
      ]);
    }
  });

  it('lets every PodDisruptionBudget allow a drain at rest', () => {
    const pdbs = objects.filter((o) => o.kind === 'PodDisruptionBudget') as Found[];
    expect(pdbs.length).toBeGreaterThan(0);
    for (const pdb of pdbs) {
      const selector = pdb.spec.selector.matchLabels as Record<string, string>;
      const workload = workloadsOf(env).find(
        (w) =>
          w.metadata.namespace === pdb.metadata.namespace &&
          Object.entries(selector).every(([key, value]) => podTemplateOf(w).metadata?.labels?.[key] === value),
      ) as Found | undefined;
      const replicas = workload?.spec.replicas ?? 1;
      const drainable =
        pdb.spec.maxUnavailable !== undefined ? pdb.spec.maxUnavailable >= 1 : pdb.spec.minAvailable < replicas;
      expect({ pdb: pdb.metadata.name, replicas, drainable }).toEqual({
        pdb: pdb.metadata.name,
        replicas,
        drainable: true,
      });
    }
  });
});
