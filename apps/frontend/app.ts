import { SYNC_WAVES } from '../argocd/sync-waves';
import type { AppDescriptor } from '../lib/app-descriptor';
import { FRONTEND_PORT, NAMESPACES } from '../lib/cluster';
import { tcp } from '../platform/network-flows';
import type { FrontendChart } from './frontend-chart';

// The chart's module loads when the chart is built, not when the registry is read: the gate reads
// the apps' network needs without loading cdk8s.
const chartClass = (): typeof FrontendChart =>
  (require('./frontend-chart') as typeof import('./frontend-chart')).FrontendChart;

/** The shop's frontend: nginx behind the internet-facing ALB. */
export const app: AppDescriptor = {
  folder: 'frontend',
  manifests: {
    syncWave: SYNC_WAVES.applications,
    description: 'the shop: nginx Deployment, Service, Ingress on the public ALB, PDB',
    chart: (scope, id, { env }) => new (chartClass())(scope, id, { env }),
  },
  hpaTargets: (env) => [{ deployment: 'frontend', spec: env.frontend }],
  network: () => ({
    [NAMESPACES.app]: {
      // ALB target type `ip`: the ALB's nodes in the public subnets connect to the pods directly.
      publicLoadBalancerPorts: tcp(FRONTEND_PORT),
      reason: "the shop's frontend: the ALB reaches it",
    },
  }),
};
