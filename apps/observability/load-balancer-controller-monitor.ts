import type { IPodMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/PodMonitor';
import { Construct } from 'constructs';
import { DATA_PROFILES, gdprLabels } from '../../environments';
import { NAMESPACES } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';
import {
  LOAD_BALANCER_CONTROLLER,
  LOAD_BALANCER_CONTROLLER_POD_LABELS,
} from '../platform/aws-load-balancer-controller';

/**
 * Scrapes the AWS Load Balancer Controller's metrics port (`metrics-server`, 8080, named so in the
 * chart's Deployment). A PodMonitor here rather than the chart's ServiceMonitor: the controller is
 * synced in the same wave as the Prometheus operator's CRDs, this chart one wave later.
 */
export class LoadBalancerControllerMonitor extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    customResource<IPodMonitor>(this, {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'PodMonitor',
      metadata: {
        name: LOAD_BALANCER_CONTROLLER,
        namespace: NAMESPACES.ingress,
        labels: gdprLabels(DATA_PROFILES.metrics),
      },
      spec: {
        selector: { matchLabels: { ...LOAD_BALANCER_CONTROLLER_POD_LABELS } },
        namespaceSelector: { matchNames: [NAMESPACES.ingress] },
        podMetricsEndpoints: [{ port: 'metrics-server', path: '/metrics', interval: '30s' }],
      },
    });
  }
}
