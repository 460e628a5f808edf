/**
 * Realistic Kubernetes objects for the gate benchmark: per namespace a Namespace, then
 * Deployments each with a Service, an HPA, a PodDisruptionBudget and a ConfigMap, and an
 * Ingress — labelled, pinned, limited, the way the platform's own charts write them. The mix is
 * deterministic: object N is always the same object.
 */

import { DATA_PROFILES, gdprLabels } from '../../environments/gdpr';

const APPS_PER_NAMESPACE = 10;
/** Namespace + per app (Deployment, Service, HPA, PDB, ConfigMap) + one Ingress. */
export const OBJECTS_PER_NAMESPACE = 1 + APPS_PER_NAMESPACE * 5 + 1;

type KubernetesObject = Record<string, unknown>;

function labels(app: string, personal: boolean): Record<string, string> {
  return {
    'app.kubernetes.io/name': app,
    'app.kubernetes.io/part-of': 'ecolaura-bench',
    ...gdprLabels(personal ? DATA_PROFILES.customerData : DATA_PROFILES.metrics),
  };
}

function deployment(namespace: string, app: string, index: number): KubernetesObject {
  const personal = index % 3 === 0;
  const podLabels = labels(app, personal);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: app, namespace, labels: podLabels },
    spec: {
      replicas: 2 + (index % 3),
      selector: { matchLabels: { 'app.kubernetes.io/name': app } },
      template: {
        metadata: { labels: podLabels },
        spec: {
          automountServiceAccountToken: false,
          securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          containers: [
            {
              name: app,
              image: `ghcr.io/ecolaura/${app}:1.${index % 10}.${index % 7}`,
              ports: [{ containerPort: 8080, name: 'http' }],
              env: [{ name: 'LOG_LEVEL', value: 'info' }],
              resources: {
                requests: { cpu: `${100 + (index % 5) * 50}m`, memory: '128Mi' },
                limits: { cpu: '500m', memory: '256Mi' },
              },
              securityContext: {
                allowPrivilegeEscalation: false,
                readOnlyRootFilesystem: true,
                capabilities: { drop: ['ALL'] },
              },
              readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
            },
          ],
        },
      },
    },
  };
}

function namespaceObjects(namespaceIndex: number): KubernetesObject[] {
  const namespace = `bench-${String(namespaceIndex).padStart(4, '0')}`;
  const objects: KubernetesObject[] = [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace, labels: labels(namespace, true) } },
  ];
  const rules: Record<string, unknown>[] = [];
  for (let appIndex = 0; appIndex < APPS_PER_NAMESPACE; appIndex += 1) {
    const app = `app-${appIndex}`;
    const index = namespaceIndex * APPS_PER_NAMESPACE + appIndex;
    const selector = { 'app.kubernetes.io/name': app };
    const meta = { name: app, namespace, labels: labels(app, false) };
    objects.push(deployment(namespace, app, index));
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta,
      spec: { type: 'ClusterIP', selector, ports: [{ name: 'http', port: 80, targetPort: 'http' }] },
    });
    objects.push({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: meta,
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: app },
        minReplicas: 2,
        maxReplicas: 6,
        metrics: [
          { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 65 } } },
        ],
      },
    });
    objects.push({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: meta,
      spec: { minAvailable: 1, selector: { matchLabels: selector } },
    });
    objects.push({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: meta,
      data: { 'settings.json': JSON.stringify({ app, index }) },
    });
    rules.push({ path: `/${app}`, pathType: 'Prefix', backend: { service: { name: app, port: { name: 'http' } } } });
  }
  const host = `${namespace}.bench.ecolaura.eu`;
  objects.push({
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name: namespace,
      namespace,
      labels: labels(namespace, false),
      annotations: {
        'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true',
        'cert-manager.io/cluster-issuer': 'letsencrypt',
      },
    },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: [host], secretName: `${namespace}-tls` }],
      rules: [{ host, http: { paths: rules } }],
    },
  });
  return objects;
}

/** The first `count` objects of the benchmark sequence, grouped by namespace. */
export function benchmarkObjects(count: number): { namespace: string; objects: KubernetesObject[] }[] {
  const groups: { namespace: string; objects: KubernetesObject[] }[] = [];
  let remaining = count;
  for (let namespaceIndex = 0; remaining > 0; namespaceIndex += 1) {
    const objects = namespaceObjects(namespaceIndex).slice(0, remaining);
    remaining -= objects.length;
    groups.push({ namespace: `bench-${String(namespaceIndex).padStart(4, '0')}`, objects });
  }
  return groups;
}
