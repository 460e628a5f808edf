import { App, type Chart } from 'cdk8s';
import type { Environment } from '../environments';
import { ARGOCD_FOLDER, ArgoCdChart, type ChartFolder } from './argocd/argocd-chart';
import { SYNC_WAVES } from './argocd/sync-waves';
import { BackendChart } from './backend/backend-chart';
import { certManagerRelease } from './certificates/cert-manager';
import { FrontendChart } from './frontend/frontend-chart';
import type { HelmRelease } from './lib/helm-release';
import type { KubeObject } from './lib/manifest-files';
import { eckOperatorRelease } from './logging/eck-operator';
import { LoggingChart } from './logging/logging-chart';
import { kubePrometheusStackRelease } from './observability/kube-prometheus-stack';
import { ObservabilityChart } from './observability/observability-chart';
import { awsLoadBalancerControllerRelease } from './platform/aws-load-balancer-controller';
import { PlatformChart } from './platform/platform-chart';
import { clusterAutoscalerRelease } from './scaling/cluster-autoscaler';
import { ScalingChart } from './scaling/scaling-chart';
import { externalSecretsRelease } from './secrets/external-secrets';
import { secretStoreConsumerNamespaces } from './secrets/secret-store-consumers';
import { SecretsChart } from './secrets/secrets-chart';

/** One folder of clusters/<env>/ and the objects it holds. */
export interface SynthesizedFolder {
  readonly folder: string;
  readonly objects: readonly KubeObject[];
}

/** Every third-party Helm release of an environment, sorted by name. */
export function helmReleases(env: Environment): HelmRelease[] {
  return [
    awsLoadBalancerControllerRelease(env),
    certManagerRelease(),
    clusterAutoscalerRelease(env),
    eckOperatorRelease(),
    externalSecretsRelease(env),
    kubePrometheusStackRelease(env),
  ].sort((a, b) => a.name.localeCompare(b.name));
}

function rendered(chart: Chart): KubeObject[] {
  return chart.toJson() as KubeObject[];
}

/**
 * Builds every chart of one environment in its own cdk8s App and returns the objects of each
 * folder of clusters/<env>/, the argocd folder included. Nothing is written here: apps/main.ts
 * writes, tests read.
 */
export function synthesizeEnvironment(env: Environment): SynthesizedFolder[] {
  const app = new App();
  const frontend = new FrontendChart(app, 'frontend', { env });
  const backend = new BackendChart(app, 'backend', { env });
  const charts: (Omit<ChartFolder, 'objects'> & { chart: Chart })[] = [
    { folder: 'platform', syncWave: SYNC_WAVES.foundation, chart: new PlatformChart(app, 'platform', { env }) },
    {
      folder: 'observability',
      syncWave: SYNC_WAVES.services,
      chart: new ObservabilityChart(app, 'observability', { env }),
    },
    { folder: 'logging', syncWave: SYNC_WAVES.services, chart: new LoggingChart(app, 'logging', { env }) },
    { folder: 'frontend', syncWave: SYNC_WAVES.applications, chart: frontend, hpaManagedDeployments: ['frontend'] },
    { folder: 'backend', syncWave: SYNC_WAVES.applications, chart: backend, hpaManagedDeployments: ['backend'] },
    {
      folder: 'scaling',
      syncWave: SYNC_WAVES.scaling,
      chart: new ScalingChart(app, 'scaling', {
        env,
        workloads: {
          backend: { deployment: backend.web.deployment, spec: env.backend },
          frontend: { deployment: frontend.web.deployment, spec: env.frontend },
        },
      }),
    },
  ];
  const rest: ChartFolder[] = charts.map(({ chart, ...folder }) => ({ ...folder, objects: rendered(chart) }));
  // Built last: its namespace conditions come from the ExternalSecrets the other folders declare.
  const secrets = new SecretsChart(app, 'secrets', {
    env,
    consumerNamespaces: secretStoreConsumerNamespaces(rest.flatMap((folder) => folder.objects)),
  });
  const folders: ChartFolder[] = [
    ...rest,
    { folder: 'secrets', syncWave: SYNC_WAVES.operatorConfig, objects: rendered(secrets) },
  ];
  const argocd = new ArgoCdChart(app, ARGOCD_FOLDER, { env, folders, releases: helmReleases(env) });
  return [
    ...folders.map(({ folder, objects }) => ({ folder, objects })),
    { folder: ARGOCD_FOLDER, objects: rendered(argocd) },
  ].sort((a, b) => a.folder.localeCompare(b.folder));
}
