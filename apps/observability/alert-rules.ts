import type { IPrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PrometheusRule';
import { Construct } from 'constructs';
import { APP_NAMESPACE } from '../../environments';
import { NAMESPACES } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';

/** Share of 5xx answers above which a component pages. */
export const ERROR_RATIO_THRESHOLD = 0.05;
/** p95 latency, in seconds, above which a component warns. */
export const LATENCY_P95_SECONDS = 0.5;
/** Container restarts within 15 minutes that count as crash-looping. */
export const RESTARTS_IN_15_MINUTES = 3;

const ns = `namespace="${APP_NAMESPACE}"`;
const frontendIngress = `exported_namespace="${APP_NAMESPACE}", ingress="frontend"`;

/**
 * Alerts on what users feel: error ratio and p95 latency of the frontend (at the ingress) and
 * the backend (its own metrics), and containers that keep restarting.
 * https://prometheus-operator.dev/docs/developer/alerting/
 */
export class AlertRules extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const alert = (name: string, expr: string, forDuration: string, severity: string, summary: string) => ({
      alert: name,
      expr,
      for: forDuration,
      labels: { severity },
      annotations: { summary },
    });
    customResource<IPrometheusRule>(this, {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PrometheusRule',
      metadata: { name: 'ecolaura', namespace: NAMESPACES.monitoring },
      spec: {
        groups: [
          {
            name: 'ecolaura.errors',
            rules: [
              alert(
                'FrontendHighErrorRate',
                `sum(rate(nginx_ingress_controller_requests{${frontendIngress}, status=~"5.."}[5m])) / sum(rate(nginx_ingress_controller_requests{${frontendIngress}}[5m])) > ${ERROR_RATIO_THRESHOLD}`,
                '10m',
                'critical',
                `More than ${ERROR_RATIO_THRESHOLD * 100}% of frontend requests fail with 5xx.`,
              ),
              alert(
                'BackendHighErrorRate',
                `sum(rate(flask_http_request_total{${ns}, status=~"5.."}[5m])) / sum(rate(flask_http_request_total{${ns}}[5m])) > ${ERROR_RATIO_THRESHOLD}`,
                '10m',
                'critical',
                `More than ${ERROR_RATIO_THRESHOLD * 100}% of API requests fail with 5xx.`,
              ),
            ],
          },
          {
            name: 'ecolaura.latency',
            rules: [
              alert(
                'FrontendHighLatency',
                `histogram_quantile(0.95, sum by (le) (rate(nginx_ingress_controller_request_duration_seconds_bucket{${frontendIngress}}[5m]))) > ${LATENCY_P95_SECONDS}`,
                '10m',
                'warning',
                `Frontend p95 latency is above ${LATENCY_P95_SECONDS} s.`,
              ),
              alert(
                'BackendHighLatency',
                `histogram_quantile(0.95, sum by (le) (rate(flask_http_request_duration_seconds_bucket{${ns}}[5m]))) > ${LATENCY_P95_SECONDS}`,
                '10m',
                'warning',
                `API p95 latency is above ${LATENCY_P95_SECONDS} s.`,
              ),
            ],
          },
          {
            name: 'ecolaura.restarts',
            rules: [
              alert(
                'PodRestarting',
                `increase(kube_pod_container_status_restarts_total{${ns}}[15m]) > ${RESTARTS_IN_15_MINUTES}`,
                '5m',
                'warning',
                `A container of {{ $labels.pod }} restarted more than ${RESTARTS_IN_15_MINUTES} times in 15 minutes.`,
              ),
            ],
          },
        ],
      },
    });
  }
}
