import { APP_NAMESPACE } from '../../environments';

/** One time-series panel: a title, its PromQL and the unit Grafana formats values in. */
export interface PanelSpec {
  readonly title: string;
  readonly expr: string;
  readonly unit: 'reqps' | 'percentunit' | 's' | 'cores' | 'bytes' | 'short';
}

/** A dashboard as Grafana's JSON model; only the fields Grafana needs to render it. */
export interface GrafanaDashboard {
  readonly uid: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly schemaVersion: number;
  readonly time: { readonly from: string; readonly to: string };
  readonly refresh: string;
  readonly panels: readonly object[];
}

/** Two panels per row, 12 columns each, 8 rows high. */
function panel(spec: PanelSpec, index: number): object {
  return {
    id: index + 1,
    type: 'timeseries',
    title: spec.title,
    datasource: { type: 'prometheus', uid: 'prometheus' },
    gridPos: { h: 8, w: 12, x: (index % 2) * 12, y: Math.floor(index / 2) * 8 },
    fieldConfig: { defaults: { unit: spec.unit }, overrides: [] },
    targets: [{ refId: 'A', expr: spec.expr }],
  };
}

function dashboard(uid: string, title: string, panels: readonly PanelSpec[]): GrafanaDashboard {
  return {
    uid,
    title,
    tags: ['ecolaura'],
    schemaVersion: 39,
    time: { from: 'now-6h', to: 'now' },
    refresh: '1m',
    panels: panels.map(panel),
  };
}

const ns = `namespace="${APP_NAMESPACE}"`;

/** Resource panels every component shares. */
function resourcePanels(container: string): PanelSpec[] {
  const selector = `${ns}, container="${container}"`;
  return [
    { title: 'CPU used', expr: `sum(rate(container_cpu_usage_seconds_total{${selector}}[5m]))`, unit: 'cores' },
    { title: 'Memory working set', expr: `sum(container_memory_working_set_bytes{${selector}})`, unit: 'bytes' },
    {
      title: 'Container restarts (1h)',
      expr: `sum(increase(kube_pod_container_status_restarts_total{${selector}}[1h]))`,
      unit: 'short',
    },
    {
      title: 'Ready replicas',
      expr: `kube_deployment_status_replicas_ready{${ns}, deployment="${container}"}`,
      unit: 'short',
    },
  ];
}

/** The frontend as its users see it: requests, errors and latency at the ingress controller. */
export function frontendDashboard(): GrafanaDashboard {
  const ingress = `exported_namespace="${APP_NAMESPACE}", ingress="frontend"`;
  return dashboard('ecolaura-frontend', 'Ecolaura / Frontend', [
    { title: 'Requests', expr: `sum(rate(nginx_ingress_controller_requests{${ingress}}[5m]))`, unit: 'reqps' },
    {
      title: 'Error ratio (5xx)',
      expr: `sum(rate(nginx_ingress_controller_requests{${ingress}, status=~"5.."}[5m])) / sum(rate(nginx_ingress_controller_requests{${ingress}}[5m]))`,
      unit: 'percentunit',
    },
    {
      title: 'Latency p95',
      expr: `histogram_quantile(0.95, sum by (le) (rate(nginx_ingress_controller_request_duration_seconds_bucket{${ingress}}[5m])))`,
      unit: 's',
    },
    ...resourcePanels('frontend'),
  ]);
}

/** The API from the inside: the Flask exporter's request counters and latency histogram. */
export function backendDashboard(): GrafanaDashboard {
  return dashboard('ecolaura-backend', 'Ecolaura / Backend', [
    { title: 'Requests', expr: `sum(rate(flask_http_request_total{${ns}}[5m]))`, unit: 'reqps' },
    {
      title: 'Error ratio (5xx)',
      expr: `sum(rate(flask_http_request_total{${ns}, status=~"5.."}[5m])) / sum(rate(flask_http_request_total{${ns}}[5m]))`,
      unit: 'percentunit',
    },
    {
      title: 'Latency p95',
      expr: `histogram_quantile(0.95, sum by (le) (rate(flask_http_request_duration_seconds_bucket{${ns}}[5m])))`,
      unit: 's',
    },
    ...resourcePanels('backend'),
  ]);
}
