import { SYNC_WAVES } from '../argocd/sync-waves';
import type { AppDescriptor } from '../lib/app-descriptor';
import { NAMESPACES } from '../lib/cluster';
import type { KubeObject } from '../lib/manifest-files';
import { tcp } from '../platform/network-flows';
import { externalSecretsRelease } from './external-secrets';
import { secretStoreConsumerNamespaces } from './secret-store-consumers';
import type { SecretsChart } from './secrets-chart';

// The chart's module loads when the chart is built, not when the registry is read: the gate reads
// the apps' network needs without loading cdk8s.
const chartClass = (): typeof SecretsChart =>
  (require('./secrets-chart') as typeof import('./secrets-chart')).SecretsChart;

/** external-secrets and the one ClusterSecretStore every ExternalSecret reads. */
export const app: AppDescriptor = {
  folder: 'secrets',
  manifests: {
    syncWave: SYNC_WAVES.operatorConfig,
    description: "the ClusterSecretStore for AWS Secrets Manager; Grafana's generated admin login",
    // Its namespace conditions come from the ExternalSecrets the other folders declare.
    readsBuiltApps: true,
    chart: (scope, id, { env }, built) =>
      new (chartClass())(scope, id, {
        env,
        consumerNamespaces: secretStoreConsumerNamespaces(built.flatMap(({ chart }) => chart.toJson() as KubeObject[])),
      }),
  },
  helmReleases: (env) => [externalSecretsRelease(env)],
  network: () => ({
    [NAMESPACES.externalSecrets]: {
      apiServer: true,
      // AWS Secrets Manager and STS (IRSA web identity), through the NAT gateways.
      internetEgress: tcp(443),
      webhookPorts: tcp(10250),
      metricsPorts: tcp(8080),
      sameNamespace: true,
      reason: 'external-secrets: the API, AWS Secrets Manager and STS, its webhook called by the API server',
    },
  }),
};
