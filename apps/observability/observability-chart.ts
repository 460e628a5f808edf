import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { DATA_PROFILES, type Environment, gdprLabels } from '../../environments';
import { GRAFANA_DASHBOARD_LABEL, NAMESPACES } from '../lib/cluster';
import { AlertRouting } from './alert-routing';
import { AlertRules } from './alert-rules';
import { backendDashboard, frontendDashboard, type GrafanaDashboard } from './dashboards';
import { LoadBalancerControllerMonitor } from './load-balancer-controller-monitor';

/** Props of {@link ObservabilityChart}. */
export interface ObservabilityChartProps {
  readonly env: Environment;
}

/**
 * What the platform watches: Grafana dashboards of the frontend and backend (ConfigMaps the
 * dashboard sidecar loads) and the alert rules. Prometheus and Grafana themselves come from
 * the kube-prometheus-stack release (./kube-prometheus-stack.ts). Alerts go to the model's
 * receiver (./alert-routing.ts).
 */
export class ObservabilityChart extends Chart {
  constructor(scope: Construct, id: string, props: ObservabilityChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const dashboards: Record<string, GrafanaDashboard> = { backend: backendDashboard(), frontend: frontendDashboard() };
    for (const [component, dashboard] of Object.entries(dashboards)) {
      new kplus.ConfigMap(this, `dashboard-${component}`, {
        metadata: {
          name: `grafana-dashboard-${component}`,
          namespace: NAMESPACES.monitoring,
          labels: { [GRAFANA_DASHBOARD_LABEL]: '1', ...gdprLabels(DATA_PROFILES.metrics) },
        },
        data: { [`${component}.json`]: `${JSON.stringify(dashboard, null, 2)}\n` },
      });
    }
    new AlertRules(this, 'alert-rules');
    new AlertRouting(this, 'alert-routing', { env: props.env, labels: gdprLabels(DATA_PROFILES.metrics) });
    new LoadBalancerControllerMonitor(this, 'load-balancer-controller-monitor');
  }
}
