import { App, Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  clusterName,
  type Environment,
  environment,
  irsaRoleArn,
  VERSIONS,
  type WorkloadSpec,
} from '../../environments';
import type { KubeObject } from '../lib/manifest-files';
import { ENVIRONMENT_ROWS, type Found } from '../lib/test-helpers';
import { clusterAutoscalerRelease } from './cluster-autoscaler';
import { ScalingChart } from './scaling-chart';

/** The sizes of a small web Deployment, as the model would give them. */
const WEB: WorkloadSpec = {
  image: 'ghcr.io/ecolaura/web',
  tag: '1.0.0',
  replicas: 2,
  minReplicas: 2,
  maxReplicas: 5,
  targetCpuPercent: 60,
  resources: { cpuRequest: '100m', cpuLimit: '200m', memoryRequest: '64Mi', memoryLimit: '128Mi' },
};

const DEV = environment('dev');
const ROUND_THE_CLOCK: Environment = { ...DEV, offHours: null };

/** The scaling chart alone, over Deployments of a throwaway chart named after `specs`' keys. */
function scalingObjects(env: Environment, specs: Readonly<Record<string, WorkloadSpec>>): Found[] {
  const app = new App();
  const workloads = new Chart(app, 'workloads');
  const scaled = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      {
        deployment: new kplus.Deployment(workloads, name, {
          metadata: { name, namespace: 'ecolaura' },
          containers: [{ image: `${spec.image}:${spec.tag}`, portNumber: 8080 }],
        }),
        spec,
      },
    ]),
  );
  return new ScalingChart(app, 'scaling', { env, workloads: scaled }).toJson() as KubeObject[] as Found[];
}

function one(objects: readonly Found[], kind: string, name: string): Found {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} "${name}", found ${found.length}`);
  return found[0] as Found;
}

describe('the scaling chart', () => {
  it('scales each Deployment between the bounds of its spec at its CPU target', () => {
    const hpa = one(scalingObjects(ROUND_THE_CLOCK, { web: WEB }), 'HorizontalPodAutoscaler', 'web');
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' });
    expect(hpa.spec.minReplicas).toBe(2);
    expect(hpa.spec.maxReplicas).toBe(5);
    expect(hpa.spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 60 } } },
    ]);
  });

  it('keeps the shop running around the clock where the model gives no off-hours', () => {
    expect(scalingObjects(ROUND_THE_CLOCK, { web: WEB }).filter((o) => o.kind === 'CronJob')).toEqual([]);
  });

  it('scales every Deployment to zero outside working hours and back to its floor where the model gives them', () => {
    const objects = scalingObjects(DEV, { web: WEB, api: { ...WEB, minReplicas: 3 } });
    const offHours = DEV.offHours;
    if (!offHours) throw new Error('dev has no off-hours in the model');
    const down = one(objects, 'CronJob', 'off-hours-scaler-scale-down');
    const up = one(objects, 'CronJob', 'off-hours-scaler-scale-up');
    expect(down.spec).toMatchObject({ schedule: offHours.scaleDown, timeZone: offHours.timeZone });
    expect(up.spec).toMatchObject({ schedule: offHours.scaleUp, timeZone: offHours.timeZone });
    const script = (job: Found) => job.spec.jobTemplate.spec.template.spec.containers[0].command[2] as string;
    for (const [name, floor] of [
      ['api', 3],
      ['web', 2],
    ] as const) {
      const scale = `/apis/apps/v1/namespaces/ecolaura/deployments/${name}/scale`;
      expect(script(down)).toContain(`--data '{"spec":{"replicas":0}}' "https://kubernetes.default.svc${scale}"`);
      // Back to the HPA's floor, from which the HPA takes over again.
      expect(script(up)).toContain(`--data '{"spec":{"replicas":${floor}}}' "https://kubernetes.default.svc${scale}"`);
    }
  });

  it('lets the off-hours jobs patch the scale of exactly those Deployments and reach only the API server', () => {
    const objects = scalingObjects(DEV, { web: WEB, api: WEB });
    expect(one(objects, 'Role', 'off-hours-scaler').rules).toEqual([
      { apiGroups: ['apps'], resources: ['deployments/scale'], resourceNames: ['api', 'web'], verbs: ['patch'] },
    ]);
    expect(one(objects, 'RoleBinding', 'off-hours-scaler').subjects).toEqual([
      { kind: 'ServiceAccount', name: 'off-hours-scaler', namespace: 'ecolaura' },
    ]);
    // The app namespace denies egress; these pods alone may reach the API server's ENIs.
    expect(one(objects, 'NetworkPolicy', 'off-hours-scaler').spec.egress).toEqual([
      {
        to: DEV.network.privateSubnets.map((subnet) => ({ ipBlock: { cidr: subnet.cidr } })),
        ports: [{ protocol: 'TCP', port: 443 }],
      },
    ]);
    const pod = one(objects, 'CronJob', 'off-hours-scaler-scale-down').spec.jobTemplate.spec.template.spec;
    expect(pod.serviceAccountName).toBe('off-hours-scaler');
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
  });
});

describe.each(ENVIRONMENT_ROWS)('the cluster autoscaler of %s', (_name, env) => {
  it('runs the cluster autoscaler for this cluster with its IRSA role and a version matching Kubernetes', () => {
    const { values, namespace } = clusterAutoscalerRelease(env);
    expect(namespace).toBe('kube-system');
    expect(values.autoDiscovery.clusterName).toBe(clusterName(env.name));
    expect(values.awsRegion).toBe(env.region);
    expect(values.rbac.serviceAccount.annotations['eks.amazonaws.com/role-arn']).toBe(
      irsaRoleArn(env, 'clusterAutoscaler'),
    );
    expect(values.image.tag.startsWith(`v${VERSIONS.kubernetes}.`)).toBe(true);
    expect(values.image.tag).toBe('v1.35.1');
    expect(values.image.tag).not.toBe('v1.28.2');
  });
});
