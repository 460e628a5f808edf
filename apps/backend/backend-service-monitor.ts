import type { IServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor';
import { Construct } from 'constructs';
import { NAMESPACES } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';
import { selectorLabels } from '../lib/labels';

/** Props of {@link BackendServiceMonitor}. */
export interface BackendServiceMonitorProps {
  /** Component whose Service is scraped. */
  readonly name: string;
  /** Path of the Prometheus metrics endpoint on the Service's `http` port. */
  readonly path: string;
}

/**
 * Tells Prometheus (kube-prometheus-stack) to scrape the backend's metrics every 30 s; the
 * alert rules of apps/observability read these series.
 */
export class BackendServiceMonitor extends Construct {
  constructor(scope: Construct, id: string, props: BackendServiceMonitorProps) {
    super(scope, id);
    customResource<IServiceMonitor>(this, {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: props.name, namespace: NAMESPACES.app, labels: selectorLabels(props.name) },
      spec: {
        selector: { matchLabels: selectorLabels(props.name) },
        namespaceSelector: { matchNames: [NAMESPACES.app] },
        endpoints: [{ port: 'http', path: props.path, interval: '30s', scrapeTimeout: '10s' }],
      },
    });
  }
}
