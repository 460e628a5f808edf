import { SYNC_WAVES } from '../argocd/sync-waves';
import type { AppDescriptor } from '../lib/app-descriptor';
import { NAMESPACES } from '../lib/cluster';
import { awsLoadBalancerControllerRelease } from './aws-load-balancer-controller';
import {
  LOAD_BALANCER_CONTROLLER_METRICS_PORT,
  LOAD_BALANCER_CONTROLLER_WEBHOOK_PORT,
  namespaceFlows,
  tcp,
} from './network-flows';
import type { PlatformChart } from './platform-chart';

// The chart's module loads when the chart is built, not when the registry is read: the gate reads
// the apps' network needs without loading cdk8s.
const chartClass = (): typeof PlatformChart =>
  (require('./platform-chart') as typeof import('./platform-chart')).PlatformChart;

/** What every other app stands on: namespaces, their NetworkPolicies, storage, the ALB controller. */
export const app: AppDescriptor = {
  folder: 'platform',
  manifests: {
    syncWave: SYNC_WAVES.foundation,
    description:
      'namespaces (Pod Security and GDPR labels), default-deny NetworkPolicies with the flows every app declares, encrypted gp3 StorageClass',
    chart: (scope, id, { env, apps }) => new (chartClass())(scope, id, { env, flows: namespaceFlows(apps, env) }),
  },
  helmReleases: (env) => [awsLoadBalancerControllerRelease(env)],
  network: () => ({
    [NAMESPACES.ingress]: {
      apiServer: true,
      // The ELBv2, EC2, ACM and WAF APIs (and STS for IRSA), through the NAT gateways.
      internetEgress: tcp(443),
      webhookPorts: tcp(LOAD_BALANCER_CONTROLLER_WEBHOOK_PORT),
      metricsPorts: tcp(LOAD_BALANCER_CONTROLLER_METRICS_PORT),
      reason:
        'the AWS Load Balancer Controller: the API, the AWS load balancing APIs, its webhook called by the API server',
    },
  }),
};
