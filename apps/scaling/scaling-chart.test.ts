import { clusterName, irsaRoleArn, VERSIONS } from '../../environments';
import { ENVIRONMENT_ROWS, find } from '../lib/test-helpers';
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
});
