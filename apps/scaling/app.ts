import * as kplus from 'cdk8s-plus-28';
import type { Environment } from '../../environments';
import { SYNC_WAVES } from '../argocd/sync-waves';
import type { AppDescriptor, BuiltApp } from '../lib/app-descriptor';
import { clusterAutoscalerRelease } from './cluster-autoscaler';
import { type ScaledWorkload, ScalingChart } from './scaling-chart';

/** Every HPA target the built apps declare, with its Deployment from that app's chart. */
export function scaledWorkloads(env: Environment, built: readonly BuiltApp[]): Record<string, ScaledWorkload> {
  const workloads: Record<string, ScaledWorkload> = {};
  for (const { app, chart } of built) {
    for (const target of app.hpaTargets?.(env) ?? []) {
      const deployment = chart.node
        .findAll()
        .find((c): c is kplus.Deployment => c instanceof kplus.Deployment && c.name === target.deployment);
      if (!deployment) {
        throw new Error(
          `apps/${app.folder}/app.ts: hpaTargets names Deployment "${target.deployment}", which its chart does not build; name a Deployment of the chart or drop the target`,
        );
      }
      workloads[target.deployment] = { deployment, spec: target.spec };
    }
  }
  return workloads;
}

/** Pods and nodes follow demand: the HPAs of every app's targets, the cluster autoscaler, off-hours. */
export const app: AppDescriptor = {
  folder: 'scaling',
  manifests: {
    syncWave: SYNC_WAVES.scaling,
    description: 'HorizontalPodAutoscalers of every HPA target the apps declare; in dev, the off-hours CronJobs',
    // Its HPAs target Deployments the other apps' charts build.
    readsBuiltApps: true,
    chart: (scope, id, { env }, built) => new ScalingChart(scope, id, { env, workloads: scaledWorkloads(env, built) }),
  },
  helmReleases: (env) => [clusterAutoscalerRelease(env)],
};
