import { ENVIRONMENT_NAMES, IRSA_SERVICE_ACCOUNTS, type IrsaRole, irsaRoleArn, irsaRoleName } from '../../environments';
import { expression, platformStack, ref, statement } from '../testing/synthesized-stack';

const ADDRESSES: Record<IrsaRole, string> = {
  backend: 'irsa_backend',
  ebsCsi: 'irsa_ebs_csi',
  externalSecrets: 'irsa_external_secrets',
  clusterAutoscaler: 'irsa_cluster_autoscaler',
  loadBalancerController: 'irsa_load_balancer_controller',
};
const ISSUER = expression('local.eks_oidc_issuer_host');
const MASTER_SECRET = expression('aws_db_instance.database_instance.master_user_secret[0].secret_arn');

describe.each(ENVIRONMENT_NAMES)('the %s IRSA roles', (name) => {
  const stack = () => platformStack(name);
  const role = (key: IrsaRole) => stack().resources('aws_iam_role')[ADDRESSES[key]];
  const inline = (key: IrsaRole, policy: string) =>
    stack().resources('aws_iam_role_policy')[`${ADDRESSES[key]}_${policy}`].policy;

  it.each(Object.keys(ADDRESSES) as IrsaRole[])('name the %s role as the Kubernetes side derives it', (key) => {
    expect(role(key).name).toBe(irsaRoleName(name, key));
    expect(irsaRoleArn(stack().environment, key)).toContain(`:role/${role(key).name}`);
  });

  it.each(Object.keys(ADDRESSES) as IrsaRole[])('let only its own service account assume the %s role', (key) => {
    const { namespace, serviceAccount } = IRSA_SERVICE_ACCOUNTS[key];
    const trust = statement(role(key).assume_role_policy, 'AssumedByServiceAccount');
    expect(trust.Principal).toEqual({ Federated: ref('aws_iam_openid_connect_provider', 'eks_oidc', 'arn') });
    expect(trust.Action).toBe('sts:AssumeRoleWithWebIdentity');
    expect(trust.Condition).toEqual({
      StringEquals: {
        [`${ISSUER}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`,
        [`${ISSUER}:aud`]: 'sts.amazonaws.com',
      },
    });
  });

  it('let the backend connect as its own database user only, and read no secret (was: master + connection secrets)', () => {
    const env = stack().environment;
    const policies = Object.keys(stack().resources('aws_iam_role_policy')).filter((id) =>
      id.startsWith('irsa_backend_'),
    );
    expect(policies).toEqual(['irsa_backend_connect_to_database']);
    expect(statement(inline('backend', 'connect_to_database'), 'ConnectAsApplicationUser')).toEqual({
      Sid: 'ConnectAsApplicationUser',
      Effect: 'Allow',
      Action: 'rds-db:connect',
      Resource: `arn:aws:rds-db:${env.region}:${env.accountId}:dbuser:${ref('aws_db_instance', 'database_instance', 'resource_id')}/${env.database.applicationUsername}`,
    });
    expect(inline('backend', 'connect_to_database')).not.toContain('secretsmanager');
    expect(inline('backend', 'connect_to_database')).not.toContain(env.database.masterUsername);
  });

  it('let the EBS CSI driver use the EBS key, creating grants only for AWS resources', () => {
    const policy = inline('ebsCsi', 'use-ebs-key'.replace(/-/g, '_'));
    const key = ref('aws_kms_key', 'keys_ebs_key', 'arn');
    expect(statement(policy, 'GrantEbsKeyToEc2')).toEqual({
      Sid: 'GrantEbsKeyToEc2',
      Effect: 'Allow',
      Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
      Resource: key,
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    });
    expect(statement(policy, 'UseEbsKey').Action).toEqual([
      'kms:Encrypt',
      'kms:Decrypt',
      'kms:ReEncrypt*',
      'kms:GenerateDataKey*',
      'kms:DescribeKey',
    ]);
  });

  it('let external-secrets read this environment secrets and the RDS master secret, nothing wider', () => {
    const env = stack().environment;
    const read = statement(inline('externalSecrets', 'read_environment_secrets'), 'ReadEnvironmentSecrets');
    expect(read.Resource).toEqual([
      `arn:aws:secretsmanager:${env.region}:${env.accountId}:secret:ecolaura/${name}/*`,
      MASTER_SECRET,
    ]);
    expect(read.Action).not.toContain('secretsmanager:ListSecrets');
  });

  it('let external-secrets list secret metadata to find the RDS-managed secret by its tag, and nothing else', () => {
    const find = statement(inline('externalSecrets', 'read_environment_secrets'), 'FindRdsManagedSecretByTag');
    expect(find).toEqual({
      Sid: 'FindRdsManagedSecretByTag',
      Effect: 'Allow',
      Action: 'secretsmanager:ListSecrets',
      Resource: '*',
    });
  });

  it('give the EBS CSI driver the AWS managed driver policy', () => {
    const attachment = stack().resources('aws_iam_role_policy_attachment').irsa_ebs_csi_amazon_ebscsi_driver_policy;
    expect(attachment.policy_arn).toBe('arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy');
  });

  it('let the cluster autoscaler resize only the node groups of its own cluster', () => {
    const resize = statement(inline('clusterAutoscaler', 'scale_node_groups'), 'ResizeOwnNodeGroups');
    expect(resize.Action).toEqual([
      'autoscaling:SetDesiredCapacity',
      'autoscaling:TerminateInstanceInAutoScalingGroup',
    ]);
    expect(resize.Condition).toEqual({
      StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/ecolaura-${name}`]: 'owned' },
    });
  });

  it('let the load balancer controller discover ACM certificates and change only load balancers it tagged', () => {
    const policy = inline('loadBalancerController', 'manage_load_balancers');
    expect(statement(policy, 'DiscoverCertificatesAndProtections').Action).toEqual(
      expect.arrayContaining(['acm:ListCertificates', 'acm:DescribeCertificate']),
    );
    expect(statement(policy, 'ModifyOwnLoadBalancers')).toMatchObject({
      Action: expect.arrayContaining([
        'elasticloadbalancing:DeleteLoadBalancer',
        'elasticloadbalancing:ModifyListenerAttributes',
      ]),
      Condition: { Null: { 'aws:ResourceTag/elbv2.k8s.aws/cluster': 'false' } },
    });
  });
});
