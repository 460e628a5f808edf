import { ADMIN_UI_LABEL, DATA_PROFILES, type Environment, gdprLabels, VERSIONS } from '../../environments';
import { SYNC_WAVES } from '../argocd/sync-waves';
import { ALB_INGRESS_CLASS, albIngressAnnotations } from '../lib/alb';
import { ENCRYPTED_STORAGE_CLASS, GRAFANA_DASHBOARD_LABEL, NAMESPACES } from '../lib/cluster';
import {
  type ContainerResources,
  type ContainerSecurityContextValues,
  type HelmRelease,
  type PodSecurityContextValues,
  type PodSecurityReview,
  RESTRICTED_CONTAINER_SECURITY_CONTEXT,
  restrictedPodSecurityContext,
} from '../lib/helm-release';

/** A component kube-prometheus-stack can turn off. */
interface Toggle {
  readonly enabled: boolean;
}

/**
 * Control-plane components EKS runs out of reach: the scheduler, controller manager and etcd
 * are AWS-managed and expose no metrics endpoint to the cluster, and EKS's kube-proxy binds its
 * metrics to 127.0.0.1. Scraping them only yields `*Down` alerts that never clear.
 * https://docs.aws.amazon.com/eks/latest/userguide/prometheus.html
 */
export const EKS_UNREACHABLE_COMPONENTS = ['kubeControllerManager', 'kubeScheduler', 'kubeEtcd', 'kubeProxy'] as const;

/** The default rule groups of those same components. */
export const EKS_UNREACHABLE_RULE_GROUPS = [
  'etcd',
  'kubeControllerManager',
  'kubeProxy',
  'kubeSchedulerAlerting',
  'kubeSchedulerRecording',
] as const;

/** The values of the kube-prometheus-stack chart this platform sets. */
export interface KubePrometheusStackValues {
  readonly commonLabels: Readonly<Record<string, string>>;
  readonly crds: { readonly enabled: true };
  readonly defaultRules: {
    readonly rules: { readonly [group in (typeof EKS_UNREACHABLE_RULE_GROUPS)[number]]: false };
  };
  readonly kubeControllerManager: Toggle;
  readonly kubeScheduler: Toggle;
  readonly kubeEtcd: Toggle;
  readonly kubeProxy: Toggle;
  readonly prometheusOperator: {
    readonly securityContext: PodSecurityContextValues;
    readonly containerSecurityContext: ContainerSecurityContextValues;
    readonly admissionWebhooks: {
      /** The certificate Jobs' pod context. */
      readonly patch: { readonly securityContext: PodSecurityContextValues };
      readonly createSecretJob: { readonly securityContext: ContainerSecurityContextValues };
      readonly patchWebhookJob: { readonly securityContext: ContainerSecurityContextValues };
    };
  };
  readonly 'kube-state-metrics': {
    readonly securityContext: PodSecurityContextValues;
    readonly containerSecurityContext: ContainerSecurityContextValues;
  };
  readonly 'prometheus-node-exporter': {
    /** node-exporter's own namespace (apps/platform/namespaces.ts). */
    readonly namespaceOverride: string;
  };
  readonly prometheus: {
    readonly prometheusSpec: {
      /** Prometheus's pod context; the operator sets its containers' contexts itself. */
      readonly securityContext: PodSecurityContextValues;
      readonly retention: string;
      /** Select every ServiceMonitor and PrometheusRule, not only the release's own. */
      readonly serviceMonitorSelectorNilUsesHelmValues: false;
      readonly podMonitorSelectorNilUsesHelmValues: false;
      readonly ruleSelectorNilUsesHelmValues: false;
      readonly resources: ContainerResources;
      readonly storageSpec: {
        readonly volumeClaimTemplate: {
          readonly spec: {
            readonly storageClassName: string;
            readonly accessModes: readonly ['ReadWriteOnce'];
            readonly resources: { readonly requests: { readonly storage: string } };
          };
        };
      };
    };
  };
  readonly alertmanager: {
    readonly alertmanagerSpec: {
      readonly resources: ContainerResources;
      readonly securityContext: PodSecurityContextValues;
      /**
       * `None`: the routes of AlertmanagerConfig objects apply to every alert, not only to
       * alerts from their own namespace (./alert-routing.ts).
       */
      readonly alertmanagerConfigMatcherStrategy: { readonly type: 'None' };
    };
  };
  readonly grafana: {
    readonly resources: ContainerResources;
    readonly securityContext: PodSecurityContextValues;
    readonly containerSecurityContext: ContainerSecurityContextValues;
    /** Runs as root with CHOWN; off, since Grafana keeps no volume here. */
    readonly initChownData: Toggle;
    /** Helm test pods are not part of the release Argo CD syncs. */
    readonly testFramework: Toggle;
    /** The admin login from a Secret, never the chart's default password. */
    readonly admin: { readonly existingSecret: string; readonly userKey: string; readonly passwordKey: string };
    readonly ingress: {
      readonly enabled: true;
      readonly ingressClassName: string;
      readonly annotations: Readonly<Record<string, string>>;
      readonly labels: Readonly<Record<string, string>>;
      readonly hosts: readonly string[];
      /** Empty: TLS terminates at the ALB with the ACM certificate found by host. */
      readonly tls: readonly never[];
    };
    readonly sidecar: {
      readonly securityContext: ContainerSecurityContextValues;
      readonly dashboards: { readonly enabled: true; readonly label: string; readonly labelValue: string };
    };
  };
}

/**
 * The Secret holding Grafana's admin login, written by an ExternalSecret from a generated password
 * (apps/secrets/admin-logins.ts), with the chart's own key names.
 */
export const GRAFANA_ADMIN_SECRET = {
  name: 'grafana-admin',
  userKey: 'admin-user',
  passwordKey: 'admin-password',
} as const;

/** Uids the chart's own defaults use, kept so volume ownership (fsGroup) stays as upstream documents. */
const UID = {
  prometheus: 1000,
  alertmanager: 1000,
  operator: 65534,
  kubeStateMetrics: 65534,
  grafana: 472,
  certgen: 2000,
};

const RESTRICTED_CONTAINER = RESTRICTED_CONTAINER_SECURITY_CONTEXT;

/**
 * Grafana and its dashboard sidecar keep a writable root: the chart's defaults leave it
 * writable and upstream documents no read-only layout for them (restricted does not ask for
 * it); everything else of restricted applies.
 */
const GRAFANA_CONTAINER: ContainerSecurityContextValues = { ...RESTRICTED_CONTAINER, readOnlyRootFilesystem: false };

/** The Pod Security review of every workload the chart renders. */
function podSecurityReview(): PodSecurityReview[] {
  const restricted = (
    component: string,
    podSecurityContexts: string[],
    containerSecurityContexts: string[],
    why: string,
  ): PodSecurityReview => ({
    component,
    namespace: NAMESPACES.monitoring,
    level: 'restricted',
    podSecurityContexts,
    containerSecurityContexts,
    why,
  });
  return [
    restricted(
      'prometheus-operator',
      ['prometheusOperator.securityContext'],
      ['prometheusOperator.containerSecurityContext'],
      'one non-root container, no host access',
    ),
    restricted(
      'admission-webhook-jobs',
      ['prometheusOperator.admissionWebhooks.patch.securityContext'],
      [
        'prometheusOperator.admissionWebhooks.createSecretJob.securityContext',
        'prometheusOperator.admissionWebhooks.patchWebhookJob.securityContext',
      ],
      'the certgen Jobs only call the API',
    ),
    restricted(
      'prometheus',
      ['prometheus.prometheusSpec.securityContext'],
      [],
      'the operator gives Prometheus and its config reloaders read-only roots, no escalation and no capabilities; the pod context adds non-root and seccomp',
    ),
    restricted(
      'alertmanager',
      ['alertmanager.alertmanagerSpec.securityContext'],
      [],
      'as Prometheus: container contexts from the operator, pod context from the values',
    ),
    restricted(
      'grafana',
      ['grafana.securityContext'],
      ['grafana.containerSecurityContext', 'grafana.sidecar.securityContext'],
      'Grafana and its dashboard sidecar as uid 472; the root chown init container is disabled (no volume)',
    ),
    restricted(
      'kube-state-metrics',
      ['kube-state-metrics.securityContext'],
      ['kube-state-metrics.containerSecurityContext'],
      'reads the API only',
    ),
    {
      component: 'node-exporter',
      namespace: NAMESPACES.nodeExporter,
      level: 'privileged',
      podSecurityContexts: [],
      containerSecurityContexts: [],
      why: 'hostNetwork, hostPID and hostPath mounts of /, /proc and /sys (read-only) are what node metrics are; baseline forbids all three, so it runs in its own privileged namespace and monitoring stays restricted',
    },
  ];
}

/**
 * Prometheus, Alertmanager and Grafana with the operator and its CRDs. Prometheus keeps the
 * model's metrics retention on the encrypted StorageClass; Grafana loads every dashboard ConfigMap
 * labelled for its sidecar, logs its admin in with a generated password (no chart default), and
 * is served only on the internal ALB, reachable from inside the VPC (the SSM bastion), never from
 * the internet. Synced one wave after external-secrets, with the ExternalSecret that writes
 * Grafana's login (apps/secrets), so that Grafana's pod finds its Secret when it starts.
 * https://github.com/prometheus-community/helm-charts/tree/main/charts/kube-prometheus-stack
 */
export function kubePrometheusStackRelease(env: Environment): HelmRelease<KubePrometheusStackValues> {
  const host = env.domains.grafana;
  return {
    name: 'kube-prometheus-stack',
    namespace: NAMESPACES.monitoring,
    chart: VERSIONS.helmCharts.kubePrometheusStack,
    syncWave: SYNC_WAVES.operatorConfig,
    additionalNamespaces: [NAMESPACES.nodeExporter],
    podSecurity: podSecurityReview(),
    values: {
      commonLabels: gdprLabels(DATA_PROFILES.metrics),
      crds: { enabled: true },
      defaultRules: {
        rules: {
          etcd: false,
          kubeControllerManager: false,
          kubeProxy: false,
          kubeSchedulerAlerting: false,
          kubeSchedulerRecording: false,
        },
      },
      kubeControllerManager: { enabled: false },
      kubeScheduler: { enabled: false },
      kubeEtcd: { enabled: false },
      kubeProxy: { enabled: false },
      prometheusOperator: {
        securityContext: restrictedPodSecurityContext(UID.operator),
        containerSecurityContext: RESTRICTED_CONTAINER,
        admissionWebhooks: {
          patch: { securityContext: restrictedPodSecurityContext(UID.certgen) },
          createSecretJob: { securityContext: RESTRICTED_CONTAINER },
          patchWebhookJob: { securityContext: RESTRICTED_CONTAINER },
        },
      },
      'kube-state-metrics': {
        securityContext: restrictedPodSecurityContext(UID.kubeStateMetrics),
        containerSecurityContext: RESTRICTED_CONTAINER,
      },
      'prometheus-node-exporter': { namespaceOverride: NAMESPACES.nodeExporter },
      prometheus: {
        prometheusSpec: {
          securityContext: restrictedPodSecurityContext(UID.prometheus),
          retention: `${env.observability.metricsRetentionDays}d`,
          serviceMonitorSelectorNilUsesHelmValues: false,
          podMonitorSelectorNilUsesHelmValues: false,
          ruleSelectorNilUsesHelmValues: false,
          resources: { requests: { cpu: '200m', memory: '1Gi' }, limits: { cpu: '1', memory: '2Gi' } },
          storageSpec: {
            volumeClaimTemplate: {
              spec: {
                storageClassName: ENCRYPTED_STORAGE_CLASS,
                accessModes: ['ReadWriteOnce'],
                resources: { requests: { storage: env.observability.prometheusStorage } },
              },
            },
          },
        },
      },
      alertmanager: {
        alertmanagerSpec: {
          resources: { requests: { cpu: '20m', memory: '64Mi' }, limits: { cpu: '200m', memory: '256Mi' } },
          securityContext: restrictedPodSecurityContext(UID.alertmanager),
          alertmanagerConfigMatcherStrategy: { type: 'None' },
        },
      },
      grafana: {
        resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
        securityContext: restrictedPodSecurityContext(UID.grafana),
        containerSecurityContext: GRAFANA_CONTAINER,
        initChownData: { enabled: false },
        testFramework: { enabled: false },
        admin: {
          existingSecret: GRAFANA_ADMIN_SECRET.name,
          userKey: GRAFANA_ADMIN_SECRET.userKey,
          passwordKey: GRAFANA_ADMIN_SECRET.passwordKey,
        },
        ingress: {
          enabled: true,
          ingressClassName: ALB_INGRESS_CLASS,
          annotations: albIngressAnnotations({ env: env.name, exposure: 'internal', healthCheckPath: '/api/health' }),
          labels: { [ADMIN_UI_LABEL]: 'true' },
          hosts: [host],
          tls: [],
        },
        sidecar: {
          securityContext: GRAFANA_CONTAINER,
          dashboards: { enabled: true, label: GRAFANA_DASHBOARD_LABEL, labelValue: '1' },
        },
      },
    },
  };
}
