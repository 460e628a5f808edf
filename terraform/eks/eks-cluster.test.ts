import { clusterName, ENVIRONMENT_NAMES, environment } from '../../environments';
import { expression, platformStack, ref, statement, synthesizeEnvironment } from '../testing/synthesized-stack';
import { CONTROL_PLANE_LOG_TYPES } from './eks-cluster';

describe.each(ENVIRONMENT_NAMES)('the %s EKS cluster', (name) => {
  const stack = () => platformStack(name);
  const cluster = () => stack().only('aws_eks_cluster');

  it('is named after the environment and runs the model Kubernetes version', () => {
    expect(cluster().name).toBe(clusterName(name));
    expect(cluster().version).toBe(stack().environment.eks.version);
  });

  it('envelope-encrypts Kubernetes secrets with its own KMS key', () => {
    expect(cluster().encryption_config).toEqual({
      resources: ['secrets'],
      provider: { key_arn: ref('aws_kms_key', 'keys_eks_secrets_key', 'arn') },
    });
  });

  it('logs all five control-plane log types', () => {
    expect(cluster().enabled_cluster_log_types).toEqual([
      'api',
      'audit',
      'authenticator',
      'controllerManager',
      'scheduler',
    ]);
    expect(CONTROL_PLANE_LOG_TYPES).toHaveLength(5);
  });

  it('serves its API on the private endpoint only, as the model has no public CIDRs', () => {
    expect(stack().environment.eks.publicAccessCidrs).toEqual([]);
    expect(cluster().vpc_config.endpoint_private_access).toBe(true);
    expect(cluster().vpc_config.endpoint_public_access).toBe(false);
    expect(cluster().vpc_config.public_access_cidrs).toBeUndefined();
  });

  it('places the control plane in the private subnets', () => {
    expect(cluster().vpc_config.subnet_ids).toEqual([
      ref('aws_subnet', 'network_private_a_subnet', 'id'),
      ref('aws_subnet', 'network_private_b_subnet', 'id'),
    ]);
  });

  it('authenticates through access entries', () => {
    expect(cluster().access_config.authentication_mode).toBe('API');
  });

  it('writes control-plane logs to a pre-created encrypted group with the model retention', () => {
    const group = stack().resources('aws_cloudwatch_log_group').eks_logs;
    expect(group.name).toBe(`/aws/eks/${clusterName(name)}/cluster`);
    expect(group.retention_in_days).toBe(stack().environment.eks.controlPlaneLogRetentionDays);
    expect(cluster().depends_on).toContain('aws_cloudwatch_log_group.eks_logs');
  });

  it('lets its role use the secrets key and nothing else', () => {
    const policy = stack().resources('aws_iam_role_policy').eks_role_encrypt_secrets.policy;
    expect(statement(policy, 'UseSecretsKey').Resource).toBe(ref('aws_kms_key', 'keys_eks_secrets_key', 'arn'));
  });

  it('trusts an OIDC provider for IRSA with the issuer of the cluster and the STS audience', () => {
    const oidc = stack().only('aws_iam_openid_connect_provider');
    expect(oidc.url).toBe(expression('aws_eks_cluster.eks_cluster.identity[0].oidc[0].issuer'));
    expect(oidc.client_id_list).toEqual(['sts.amazonaws.com']);
    expect(oidc.thumbprint_list).toEqual([expect.stringMatching(/^[0-9a-f]{40}$/)]);
  });
});

it('opens the public endpoint only to the CIDRs the model lists', () => {
  const prod = environment('prod');
  const stack = synthesizeEnvironment({ ...prod, eks: { ...prod.eks, publicAccessCidrs: ['198.51.100.0/24'] } });
  expect(stack.only('aws_eks_cluster').vpc_config).toMatchObject({
    endpoint_private_access: true,
    endpoint_public_access: true,
    public_access_cidrs: ['198.51.100.0/24'],
  });
});
