import { KIBANA_PORT } from '../../environments';
import { SYNC_WAVES } from '../argocd/sync-waves';
import type { AppDescriptor } from '../lib/app-descriptor';
import { NAMESPACES } from '../lib/cluster';
import { tcp } from '../platform/network-flows';
import { eckOperatorRelease } from './eck-operator';
import type { LoggingChart } from './logging-chart';

// The chart's module loads when the chart is built, not when the registry is read: the gate reads
// the apps' network needs without loading cdk8s.
const chartClass = (): typeof LoggingChart =>
  (require('./logging-chart') as typeof import('./logging-chart')).LoggingChart;

/** The log store (Elasticsearch, Kibana) through the ECK operator, and Filebeat shipping into it. */
export const app: AppDescriptor = {
  folder: 'logging',
  manifests: {
    syncWave: SYNC_WAVES.services,
    description:
      'Elasticsearch, Kibana (internal ALB, generated file-realm login), Filebeat (straight to Elasticsearch), the log lifecycle policy installed before Filebeat starts (waves inside the folder)',
    chart: (scope, id, { env }) => new (chartClass())(scope, id, { env }),
  },
  helmReleases: () => [eckOperatorRelease()],
  network: () => ({
    [NAMESPACES.elasticSystem]: {
      apiServer: true,
      webhookPorts: tcp(9443),
      reason: 'the ECK operator: the API, Elasticsearch in logging, its webhook called by the API server',
    },
    [NAMESPACES.logging]: {
      // Filebeat enriches log lines with pod metadata.
      apiServer: true,
      sameNamespace: true,
      internalLoadBalancerPorts: tcp(KIBANA_PORT),
      reason: 'the log store: Elasticsearch and Kibana; Filebeat writes in from log-shipper',
    },
    [NAMESPACES.logShipper]: {
      // Filebeat enriches log lines with pod metadata; its writes to Elasticsearch cross namespaces.
      apiServer: true,
      reason: 'Filebeat: the API for pod metadata, Elasticsearch in logging on 9200',
    },
  }),
};
