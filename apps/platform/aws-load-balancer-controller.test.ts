import { irsaRoleArn, VERSIONS } from '../../environments';
import { platformStack } from '../../terraform/testing/synthesized-stack';
import { ENVIRONMENT_ROWS, find } from '../lib/test-helpers';
import { helmReleases } from '../registry';
import { awsLoadBalancerControllerRelease } from './aws-load-balancer-controller';

describe.each(ENVIRONMENT_ROWS)('the AWS Load Balancer Controller of %s', (name, env) => {
  const release = awsLoadBalancerControllerRelease(env);
  const { values } = release;

  it('replaces ingress-nginx, retired upstream, with the pinned eks-charts release', () => {
    const names = helmReleases(env).map((r) => r.name);
    expect(names).toContain('aws-load-balancer-controller');
    expect(names).not.toContain('ingress-nginx');
    expect(release.chart).toEqual({
      repoURL: 'https://aws.github.io/eks-charts',
      chart: 'aws-load-balancer-controller',
      version: VERSIONS.helmCharts.awsLoadBalancerController.version,
    });
    const app = find(env, 'Application', 'aws-load-balancer-controller');
    expect(app.spec.source.repoURL).toBe('https://aws.github.io/eks-charts');
    expect(app.spec.destination.namespace).toBe('aws-load-balancer-controller');
  });

  it('assumes the IRSA role Terraform creates for it', () => {
    expect(values.serviceAccount.annotations['eks.amazonaws.com/role-arn']).toBe(
      irsaRoleArn(env, 'loadBalancerController'),
    );
    const role = platformStack(name as typeof env.name).resources('aws_iam_role').irsa_load_balancer_controller;
    expect(irsaRoleArn(env, 'loadBalancerController')).toContain(`:role/${role.name}`);
  });

  it('finds the VPC by the Name tag Terraform gives it, since pods cannot reach the metadata service', () => {
    const vpc = platformStack(name as typeof env.name).resources('aws_vpc').network_vpc;
    expect(values.vpcTags).toEqual({ Name: vpc.tags.Name });
    expect(values.clusterName).toBe(`ecolaura-${env.name}`);
  });

  it('defaults to IP targets and the TLS 1.2+ policy, and captures no LoadBalancer Service', () => {
    expect(values.defaultTargetType).toBe('ip');
    expect(values.defaultSSLPolicy).toBe('ELBSecurityPolicy-TLS13-1-2-2021-06');
    expect(values.enableServiceMutatorWebhook).toBe(false);
    expect(values.ingressClass).toBe('alb');
  });

  it('runs with the security context Pod Security restricted asks for', () => {
    expect(values.podSecurityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(values.podSecurityContext.runAsUser).toBeGreaterThan(0);
    expect(values.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it('spreads its two replicas across zones and nodes and lets a drain take one', () => {
    expect(values.replicaCount).toBe(2);
    expect(values.topologySpreadConstraints.map((c) => [c.topologyKey, c.whenUnsatisfiable])).toEqual([
      ['topology.kubernetes.io/zone', 'DoNotSchedule'],
      ['kubernetes.io/hostname', 'ScheduleAnyway'],
    ]);
    for (const constraint of values.topologySpreadConstraints) {
      expect(constraint.labelSelector.matchLabels).toEqual({
        'app.kubernetes.io/name': 'aws-load-balancer-controller',
        'app.kubernetes.io/instance': 'aws-load-balancer-controller',
      });
    }
    expect(values.podDisruptionBudget.maxUnavailable).toBeGreaterThanOrEqual(1);
    expect(values.podDisruptionBudget.maxUnavailable).toBeLessThan(values.replicaCount);
  });

  it('takes its webhook certificate from cert-manager, not from a Helm render that changes every sync', () => {
    expect(values.enableCertManager).toBe(true);
  });
});
