import { ADMIN_UI_LABEL, DATA_PROFILES, type Environment, gdprLabels, VERSIONS } from '../../environments';
import { SYNC_WAVES } from '../argocd/sync-waves';
import { ALB_INGRESS_CLASS, albIngressAnnotations } from '../lib/alb';
import { ENCRYPTED_STORAGE_CLASS, GRAFANA_DASHBOARD_LABEL, NAMESPACES } from '../lib/cluster';
import type { ContainerResources, HelmRelease } from '../lib/helm-release';

/** The values of the kube-prometheus-stack chart this platform sets. */
export interface KubePrometheusStackValues {
  readonly commonLabels: Readonly<Record<string, string>>;
  readonly crds: { readonly enabled: true };
  readonly prometheus: {
    readonly prometheusSpec: {
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
  readonly alertmanager: { readonly alertmanagerSpec: { readonly resources: ContainerResources } };
  readonly grafana: {
    readonly resources: ContainerResources;
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

/** Prometheus's volume: metrics of a cluster this size for the longest retention (30 days). */
const PROMETHEUS_STORAGE = '50Gi';

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
    values: {
      commonLabels: gdprLabels(DATA_PROFILES.metrics),
      crds: { enabled: true },
      prometheus: {
        prometheusSpec: {
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
                resources: { requests: { storage: PROMETHEUS_STORAGE } },
              },
            },
          },
        },
      },
      alertmanager: {
        alertmanagerSpec: {
          resources: { requests: { cpu: '20m', memory: '64Mi' }, limits: { cpu: '200m', memory: '256Mi' } },
        },
      },
      grafana: {
        resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
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
        sidecar: { dashboards: { enabled: true, label: GRAFANA_DASHBOARD_LABEL, labelValue: '1' } },
      },
    },
  };
}
