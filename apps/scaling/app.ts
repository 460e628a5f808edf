import { SYNC_WAVES } from '../argocd/sync-waves';
import type { AppDescriptor } from '../lib/app-descriptor';
import { clusterAutoscalerRelease } from './cluster-autoscaler';
import type { ScalingChart, scaledWorkloads } from './scaling-chart';

// The chart's module loads when the chart is built, not when the registry is read: the gate reads
// the apps' network needs without loading cdk8s.
const chartModule = (): { ScalingChart: typeof ScalingChart; scaledWorkloads: typeof scaledWorkloads } =>
  require('./scaling-chart') as typeof import('./scaling-chart');

/** Pods and nodes follow demand: the HPAs of every app's targets, the cluster autoscaler, off-hours. */
export const app: AppDescriptor = {
  folder: 'scaling',
  manifests: {
    syncWave: SYNC_WAVES.scaling,
    description: 'HorizontalPodAutoscalers of every HPA target the apps declare; in dev, the off-hours CronJobs',
    // Its HPAs target Deployments the other apps' charts build.
    readsBuiltApps: true,
    chart: (scope, id, { env }, built) => {
      const { ScalingChart, scaledWorkloads } = chartModule();
      return new ScalingChart(scope, id, { env, workloads: scaledWorkloads(env, built) });
    },
  },
  helmReleases: (env) => [clusterAutoscalerRelease(env)],
};
