import { DATA_PROFILES, type Environment, gdprLabels, VERSIONS } from '../../environments';
import { SYNC_WAVES } from '../argocd/sync-waves';
import {
  CLUSTER_ISSUER,
  ENCRYPTED_STORAGE_CLASS,
  GRAFANA_DASHBOARD_LABEL,
  INGRESS_CLASS,
  NAMESPACES,
} from '../lib/cluster';
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
    readonly ingress: {
      readonly enabled: true;
      readonly ingressClassName: string;
      readonly annotations: Readonly<Record<string, string>>;
      readonly hosts: readonly string[];
      readonly tls: readonly { readonly secretName: string; readonly hosts: readonly string[] }[];
    };
    readonly sidecar: {
      readonly dashboards: { readonly enabled: true; readonly label: string; readonly labelValue: string };
    };
  };
}

/** Prometheus's volume: metrics of a cluster this size for the longest retention (30 days). */
const PROMETHEUS_STORAGE = '50Gi';

/**
 * Prometheus, Alertmanager and Grafana with the operator and its CRDs. Prometheus keeps the
 * model's metrics retention on the encrypted StorageClass; Grafana is served under TLS on its
 * host and loads every dashboard ConfigMap labelled for its sidecar.
 * https://github.com/prometheus-community/helm-charts/tree/main/charts/kube-prometheus-stack
 */
export function kubePrometheusStackRelease(env: Environment): HelmRelease<KubePrometheusStackValues> {
  const host = env.domains.grafana;
  return {
    name: 'kube-prometheus-stack',
    namespace: NAMESPACES.monitoring,
    chart: VERSIONS.helmCharts.kubePrometheusStack,
    syncWave: SYNC_WAVES.operators,
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
        ingress: {
          enabled: true,
          ingressClassName: INGRESS_CLASS,
          annotations: {
            'cert-manager.io/cluster-issuer': CLUSTER_ISSUER,
            'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true',
          },
          hosts: [host],
          tls: [{ secretName: 'grafana-tls', hosts: [host] }],
        },
        sidecar: { dashboards: { enabled: true, label: GRAFANA_DASHBOARD_LABEL, labelValue: '1' } },
      },
    },
  };
}
