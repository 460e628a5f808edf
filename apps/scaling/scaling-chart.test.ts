import { clusterName, irsaRoleArn, VERSIONS } from '../../environments';
import { ENVIRONMENT_ROWS, find, objectsOf } from '../lib/test-helpers';
import { clusterAutoscalerRelease } from './cluster-autoscaler';

describe.each(ENVIRONMENT_ROWS)('the scaling chart of %s', (_name, env) => {
  it.each(['frontend', 'backend'] as const)(
    'scales the %s Deployment between the model bounds at its CPU target',
    (component) => {
      const hpa = find(env, 'HorizontalPodAutoscaler', component);
      expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: component });
      expect(hpa.spec.minReplicas).toBe(env[component].minReplicas);
      expect(hpa.spec.maxReplicas).toBe(env[component].maxReplicas);
      expect(hpa.spec.metrics).toEqual([
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: env[component].targetCpuPercent },
          },
        },
      ]);
    },
  );

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

  it('scales the shop to zero outside working hours only where the model gives them', () => {
    const cronJobs = objectsOf(env).filter((o) => o.kind === 'CronJob');
    if (!env.offHours) {
      expect(cronJobs).toEqual([]);
      return;
    }
    const down = find(env, 'CronJob', 'off-hours-scaler-scale-down');
    const up = find(env, 'CronJob', 'off-hours-scaler-scale-up');
    expect(down.spec).toMatchObject({ schedule: env.offHours.scaleDown, timeZone: env.offHours.timeZone });
    expect(up.spec).toMatchObject({ schedule: env.offHours.scaleUp, timeZone: env.offHours.timeZone });
    const script = (job: typeof down) => job.spec.jobTemplate.spec.template.spec.containers[0].command[2] as string;
    for (const name of ['backend', 'frontend'] as const) {
      const scale = `/apis/apps/v1/namespaces/ecolaura/deployments/${name}/scale`;
      expect(script(down)).toContain(`--data '{"spec":{"replicas":0}}' "https://kubernetes.default.svc${scale}"`);
      // Back to the HPA's floor, from which the HPA takes over again.
      expect(script(up)).toContain(
        `--data '{"spec":{"replicas":${env[name].minReplicas}}}' "https://kubernetes.default.svc${scale}"`,
      );
    }
  });

  it('lets the off-hours jobs patch the scale of the two Deployments and nothing else', () => {
    if (!env.offHours) return;
    expect(find(env, 'Role', 'off-hours-scaler').rules).toEqual([
      {
        apiGroups: ['apps'],
        resources: ['deployments/scale'],
        resourceNames: ['backend', 'frontend'],
        verbs: ['patch'],
      },
    ]);
    expect(find(env, 'RoleBinding', 'off-hours-scaler').subjects).toEqual([
      { kind: 'ServiceAccount', name: 'off-hours-scaler', namespace: 'ecolaura' },
    ]);
    // The app namespace denies egress; these pods alone may reach the API server's ENIs.
    expect(find(env, 'NetworkPolicy', 'off-hours-scaler').spec.egress).toEqual([
      {
        to: env.network.privateSubnets.map((subnet) => ({ ipBlock: { cidr: subnet.cidr } })),
        ports: [{ protocol: 'TCP', port: 443 }],
      },
    ]);
    const pod = find(env, 'CronJob', 'off-hours-scaler-scale-down').spec.jobTemplate.spec.template.spec;
    expect(pod.serviceAccountName).toBe('off-hours-scaler');
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
  });
});
