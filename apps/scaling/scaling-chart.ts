import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import type { Environment, WorkloadSpec } from '../../environments';
import type { BuiltApp } from '../lib/app-descriptor';
import { NAMESPACES } from '../lib/cluster';
import { selectorLabels } from '../lib/labels';
import { ManagedReplicasTarget } from './managed-replicas-target';
import { OffHours } from './off-hours';

/** One workload the scaling chart sizes. */
export interface ScaledWorkload {
  /** The Deployment, from its own chart. */
  readonly deployment: kplus.Deployment;
  /** Its sizes in the model. */
  readonly spec: WorkloadSpec;
}

/** Props of {@link ScalingChart}. */
export interface ScalingChartProps {
  readonly env: Environment;
  /** The Deployments to autoscale, by component name. */
  readonly workloads: Readonly<Record<string, ScaledWorkload>>;
}

/**
 * Pods follow demand: one HorizontalPodAutoscaler per web component, between the model's
 * `minReplicas` and `maxReplicas` at its CPU target. Nodes follow the pods through the cluster
 * autoscaler release (./cluster-autoscaler.ts). Where the model gives off-hours (dev), the
 * web components sleep outside them (./off-hours.ts).
 */
export class ScalingChart extends Chart {
  constructor(scope: Construct, id: string, props: ScalingChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    for (const [name, workload] of Object.entries(props.workloads).sort(([a], [b]) => a.localeCompare(b))) {
      new kplus.HorizontalPodAutoscaler(this, `hpa-${name}`, {
        metadata: { name, namespace: NAMESPACES.app, labels: selectorLabels(name) },
        target: new ManagedReplicasTarget(workload.deployment),
        minReplicas: workload.spec.minReplicas,
        maxReplicas: workload.spec.maxReplicas,
        metrics: [kplus.Metric.resourceCpu(kplus.MetricTarget.averageUtilization(workload.spec.targetCpuPercent))],
      });
    }
    if (props.env.offHours) {
      new OffHours(this, 'off-hours', {
        privateSubnetCidrs: props.env.network.privateSubnets.map((subnet) => subnet.cidr),
        schedule: props.env.offHours,
        deployments: Object.fromEntries(
          Object.entries(props.workloads).map(([name, workload]) => [name, workload.spec.minReplicas]),
        ),
      });
    }
  }
}

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
