import { ENVIRONMENT_NAMES } from '../../environments';
import { platformStack, ref } from '../testing/synthesized-stack';
import { clusterAccessPolicyArn } from './cluster-access';

describe.each(ENVIRONMENT_NAMES)('the %s cluster access', (name) => {
  const stack = () => platformStack(name);
  const entries = () => stack().resources('aws_eks_access_entry');
  const associations = () => stack().resources('aws_eks_access_policy_association');

  it('grants exactly the admin and break-glass roles of the model an access entry', () => {
    const { access } = stack().environment.eks;
    expect(
      Object.values(entries())
        .map((e) => e.principal_arn)
        .sort(),
    ).toEqual([access.adminRoleArn, access.breakGlassRoleArn].sort());
    for (const entry of Object.values(entries())) {
      expect(entry.cluster_name).toBe(ref('aws_eks_cluster', 'eks_cluster', 'name'));
      expect(entry.type).toBe('STANDARD');
    }
  });

  it('gives both roles the cluster admin access policy over the whole cluster', () => {
    expect(Object.values(associations())).toHaveLength(2);
    for (const association of Object.values(associations())) {
      expect(association.policy_arn).toBe('arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy');
      expect(association.access_scope).toEqual({ type: 'cluster' });
    }
    expect(associations().eks_access_admin_policy.principal_arn).toBe(
      ref('aws_eks_access_entry', 'eks_access_admin_entry', 'principal_arn'),
    );
  });

  it('runs a cluster that authenticates through access entries only, with no hidden creator admin', () => {
    const cluster = stack().only('aws_eks_cluster');
    expect(cluster.access_config).toEqual({
      authentication_mode: 'API',
      // The old stack left the applying identity a cluster admin outside the model.
      bootstrap_cluster_creator_admin_permissions: false,
    });
  });
});

it('names cluster access policies by their global ARN', () => {
  expect(clusterAccessPolicyArn('AmazonEKSViewPolicy')).toBe(
    'arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy',
  );
});
