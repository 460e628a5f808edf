/**
 * What each pinned upstream chart creates, for the sync simulation (argo-sync-facts.ts): Argo CD
 * renders these charts itself, so their objects are not in Git. Recorded by hand from the charts'
 * templates and `crds/` at the versions environments/versions.ts pins; not re-rendered here
 * (no chart repository is reachable offline), so raising a chart means re-reading its templates
 * and this entry. A chart missing from this table is reported, never assumed harmless.
 */

export interface GroupKind {
  readonly group: string;
  readonly kind: string;
}

export interface ChartKinds {
  /** Cluster-scoped kinds the chart renders with our values. */
  readonly clusterKinds: readonly GroupKind[];
  /** Namespaced kinds the chart renders with our values. */
  readonly namespacedKinds: readonly GroupKind[];
  /** Custom resource kinds whose CRDs the chart installs (CRD installation is on in our values). */
  readonly crds: readonly GroupKind[];
}

const RBAC = [
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
];
const CRD = { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' };
const MUTATING = { group: 'admissionregistration.k8s.io', kind: 'MutatingWebhookConfiguration' };
const VALIDATING = { group: 'admissionregistration.k8s.io', kind: 'ValidatingWebhookConfiguration' };
const CONTROLLER = ['Deployment', 'Service', 'ServiceAccount', 'Role', 'RoleBinding', 'ConfigMap', 'Secret'].map(
  (kind) => ({
    group: kind === 'Deployment' ? 'apps' : kind.startsWith('Role') ? 'rbac.authorization.k8s.io' : '',
    kind,
  }),
);

function kinds(group: string, names: readonly string[]): GroupKind[] {
  return names.map((kind) => ({ group, kind }));
}

/** Keyed by chart name, as Applications name it in `spec.source.chart`. */
export const CHART_KINDS: Readonly<Record<string, ChartKinds>> = {
  'aws-load-balancer-controller': {
    clusterKinds: [
      ...RBAC,
      CRD,
      MUTATING,
      VALIDATING,
      ...kinds('networking.k8s.io', ['IngressClass']),
      ...kinds('elbv2.k8s.aws', ['IngressClassParams']),
    ],
    namespacedKinds: [...CONTROLLER, ...kinds('policy', ['PodDisruptionBudget'])],
    crds: kinds('elbv2.k8s.aws', ['IngressClassParams', 'TargetGroupBinding']),
  },
  'cert-manager': {
    clusterKinds: [...RBAC, CRD, MUTATING, VALIDATING],
    namespacedKinds: [...CONTROLLER, ...kinds('batch', ['Job'])],
    crds: [
      ...kinds('cert-manager.io', ['Certificate', 'CertificateRequest', 'ClusterIssuer', 'Issuer']),
      ...kinds('acme.cert-manager.io', ['Challenge', 'Order']),
    ],
  },
  'cluster-autoscaler': { clusterKinds: RBAC, namespacedKinds: CONTROLLER, crds: [] },
  'eck-operator': {
    clusterKinds: [...RBAC, CRD, VALIDATING],
    namespacedKinds: [...CONTROLLER, ...kinds('apps', ['StatefulSet'])],
    crds: [
      ...kinds('elasticsearch.k8s.elastic.co', ['Elasticsearch']),
      ...kinds('kibana.k8s.elastic.co', ['Kibana']),
      ...kinds('beat.k8s.elastic.co', ['Beat']),
      ...kinds('agent.k8s.elastic.co', ['Agent']),
      ...kinds('apm.k8s.elastic.co', ['ApmServer']),
      ...kinds('enterprisesearch.k8s.elastic.co', ['EnterpriseSearch']),
      ...kinds('maps.k8s.elastic.co', ['ElasticMapsServer']),
      ...kinds('logstash.k8s.elastic.co', ['Logstash']),
      ...kinds('stackconfigpolicy.k8s.elastic.co', ['StackConfigPolicy']),
    ],
  },
  'external-secrets': {
    clusterKinds: [...RBAC, CRD, VALIDATING],
    namespacedKinds: CONTROLLER,
    crds: [
      ...kinds('external-secrets.io', [
        'ClusterExternalSecret',
        'ClusterPushSecret',
        'ClusterSecretStore',
        'ExternalSecret',
        'PushSecret',
        'SecretStore',
      ]),
      ...kinds('generators.external-secrets.io', ['ClusterGenerator', 'Password', 'UUID', 'Webhook']),
    ],
  },
  'kube-prometheus-stack': {
    clusterKinds: [...RBAC, CRD, MUTATING, VALIDATING],
    namespacedKinds: [
      ...CONTROLLER,
      ...kinds('apps', ['DaemonSet']),
      ...kinds('batch', ['Job']),
      ...kinds('monitoring.coreos.com', ['Alertmanager', 'Prometheus', 'PrometheusRule', 'ServiceMonitor']),
    ],
    crds: kinds('monitoring.coreos.com', [
      'Alertmanager',
      'AlertmanagerConfig',
      'PodMonitor',
      'Probe',
      'Prometheus',
      'PrometheusAgent',
      'PrometheusRule',
      'ScrapeConfig',
      'ServiceMonitor',
      'ThanosRuler',
    ]),
  },
};

/**
 * API groups whose CRDs exist before any Application syncs: Argo CD's own, installed with Argo
 * CD at bootstrap (README.md, "Bootstrap").
 */
export const BOOTSTRAP_GROUPS: readonly string[] = ['argoproj.io'];

/** Namespaces every cluster has before the first sync (argocd: created at bootstrap). */
export const BOOTSTRAP_NAMESPACES: readonly string[] = [
  'argocd',
  'default',
  'kube-node-lease',
  'kube-public',
  'kube-system',
];
