import { SYNC_WAVES } from '../argocd/sync-waves';
import type { AppDescriptor } from '../lib/app-descriptor';
import { FRONTEND_PORT, NAMESPACES } from '../lib/cluster';
import { tcp } from '../platform/network-flows';
import { FrontendChart } from './frontend-chart';

/** The shop's frontend: nginx behind the internet-facing ALB. */
export const app: AppDescriptor = {
  folder: 'frontend',
  manifests: {
    syncWave: SYNC_WAVES.applications,
    description: 'the shop: nginx Deployment, Service, Ingress on the public ALB, PDB',
    chart: (scope, id, { env }) => new FrontendChart(scope, id, { env }),
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
