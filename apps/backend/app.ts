import { SYNC_WAVES } from '../argocd/sync-waves';
import type { AppDescriptor } from '../lib/app-descriptor';
import { BACKEND_PORT, NAMESPACES } from '../lib/cluster';
import { tcp } from '../platform/network-flows';
import type { BackendChart } from './backend-chart';

// The chart's module loads when the chart is built, not when the registry is read: the gate reads
// the apps' network needs without loading cdk8s.
const chartClass = (): typeof BackendChart =>
  (require('./backend-chart') as typeof import('./backend-chart')).BackendChart;

/** The shop's backend: Gunicorn behind the ALB's `/api`, the only client of PostgreSQL. */
export const app: AppDescriptor = {
  folder: 'backend',
  manifests: {
    syncWave: SYNC_WAVES.applications,
    description:
      'the shop: Gunicorn Deployment with its database-token sidecar, ExternalSecrets, the `database-roles` Sync-hook Job, Service, Ingress `/api` on the public ALB, PDB, ServiceMonitor',
    chart: (scope, id, { env }) => new (chartClass())(scope, id, { env }),
  },
  hpaTargets: (env) => [{ deployment: 'backend', spec: env.backend }],
  network: () => ({
    [NAMESPACES.app]: {
      // ALB target type `ip`: the ALB's nodes in the public subnets connect to the pods directly.
      publicLoadBalancerPorts: tcp(BACKEND_PORT),
      // Gunicorn serves /metrics on the application port.
      metricsPorts: tcp(BACKEND_PORT),
      reason: "the shop's backend: the ALB and the frontend reach it; only it reaches PostgreSQL",
    },
  }),
};
