import { GRAFANA_PORT } from '../../environments';
import { SYNC_WAVES } from '../argocd/sync-waves';
import type { AppDescriptor } from '../lib/app-descriptor';
import { NAMESPACES } from '../lib/cluster';
import { tcp } from '../platform/network-flows';
import { kubePrometheusStackRelease } from './kube-prometheus-stack';
import type { ObservabilityChart } from './observability-chart';

// The chart's module loads when the chart is built, not when the registry is read: the gate reads
// the apps' network needs without loading cdk8s.
const chartClass = (): typeof ObservabilityChart =>
  (require('./observability-chart') as typeof import('./observability-chart')).ObservabilityChart;

/** Metrics, alerts and dashboards: kube-prometheus-stack and what this repository adds to it. */
export const app: AppDescriptor = {
  folder: 'observability',
  manifests: {
    syncWave: SYNC_WAVES.services,
    description: "Grafana dashboards, PrometheusRule, the load balancer controller's PodMonitor",
    chart: (scope, id, { env }) => new (chartClass())(scope, id, { env }),
  },
  helmReleases: (env) => [kubePrometheusStackRelease(env)],
  network: () => ({
    [NAMESPACES.monitoring]: {
      apiServer: true,
      // Alertmanager's receiver (a webhook or mail relay over TLS).
      internetEgress: tcp(443),
      webhookPorts: tcp(10250),
      sameNamespace: true,
      internalLoadBalancerPorts: tcp(GRAFANA_PORT),
      reason: 'kube-prometheus-stack: the API, scrapes of every namespace and node, the alert receiver',
    },
    [NAMESPACES.nodeExporter]: {
      // node-exporter runs in the host network, where NetworkPolicies do not apply; Prometheus
      // reaches it on the nodes' addresses (prometheus-scrapes), so nothing here is opened.
      reason: 'node-exporter: host-network pods, scraped on the node addresses on 9100',
    },
  }),
};
