import { Construct } from 'constructs';
import { clusterName, type Environment, PROJECT } from '../../environments';
import { type PolicyStatement, policyDocument } from '../lib/iam-policy';
import { IrsaRole } from './irsa-role';
import { LOAD_BALANCER_CONTROLLER_STATEMENTS } from './load-balancer-controller-policy';

export interface IrsaRolesProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** ARN of the cluster IAM OIDC provider. */
  readonly oidcProviderArn: string;
  /** The OIDC issuer without scheme, as IAM condition keys spell it. */
  readonly oidcIssuerHost: string;
  /** ARN of the master-password secret RDS manages. */
  readonly masterSecretArn: string;
  /** ARN of the KMS key both database secrets are encrypted with. */
  readonly databaseKeyArn: string;
  /** The instance's `DbiResourceId` (`db-…`), which IAM database authentication ARNs name. */
  readonly databaseResourceId: string;
  /** ARN of the KMS key the EBS CSI driver encrypts the volumes it provisions with. */
  readonly ebsKeyArn: string;
}

/** The IRSA roles of the platform's service accounts, each with least-privilege rights. */
export class IrsaRoles extends Construct {
  readonly backend: IrsaRole;
  readonly ebsCsi: IrsaRole;
  readonly externalSecrets: IrsaRole;
  readonly clusterAutoscaler: IrsaRole;
  readonly loadBalancerController: IrsaRole;

  constructor(scope: Construct, id: string, props: IrsaRolesProps) {
    super(scope, id);
    const env = props.environment;
    const common = {
      environment: env,
      oidcProviderArn: props.oidcProviderArn,
      oidcIssuerHost: props.oidcIssuerHost,
    };
    const decryptSecrets = decryptThroughSecretsManager(env, props.databaseKeyArn);

    // The backend signs in to PostgreSQL as its own role with an IAM authentication token
    // (no password to store, rotate or leak; the token lives 15 minutes). The ARN names the
    // instance by its DbiResourceId, an attribute of the instance in this same stack, so the
    // grant is exact rather than a `dbuser:*/<user>` wildcard; Kubernetes never needs the id.
    // It no longer reads any secret: host and port come through external-secrets, and the
    // master password is for break-glass only.
    // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.IAMPolicy.html
    this.backend = new IrsaRole(this, 'backend', {
      ...common,
      serviceAccount: 'backend',
      description: `Lets the backend connect to PostgreSQL as ${env.database.applicationUsername} with IAM authentication`,
      inlinePolicies: {
        'connect-to-database': policyDocument([
          {
            Sid: 'ConnectAsApplicationUser',
            Effect: 'Allow',
            Action: 'rds-db:connect',
            Resource: `arn:aws:rds-db:${env.region}:${env.accountId}:dbuser:${props.databaseResourceId}/${env.database.applicationUsername}`,
          },
        ]),
      },
    });

    this.ebsCsi = new IrsaRole(this, 'ebs-csi', {
      ...common,
      serviceAccount: 'ebsCsi',
      description: 'Lets the EBS CSI driver create, attach and delete volumes',
      managedPolicies: ['service-role/AmazonEBSCSIDriverPolicy'],
      // The managed policy covers EC2 only; volumes under the platform's EBS key also need the
      // key. Grants are what EC2 uses to decrypt on attach, hence GrantIsForAWSResource.
      // https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html (KMS encryption step)
      inlinePolicies: { 'use-ebs-key': policyDocument(ebsKeyStatements(props.ebsKeyArn)) },
    });

    this.externalSecrets = new IrsaRole(this, 'external-secrets', {
      ...common,
      serviceAccount: 'externalSecrets',
      description: `Lets external-secrets read the ${env.name} secrets into Kubernetes`,
      inlinePolicies: {
        'read-environment-secrets': policyDocument([
          {
            // Only this environment's secrets, by their naming convention, plus the database
            // master secret whose name RDS generates.
            Sid: 'ReadEnvironmentSecrets',
            Effect: 'Allow',
            Action: [
              'secretsmanager:GetSecretValue',
              'secretsmanager:DescribeSecret',
              'secretsmanager:ListSecretVersionIds',
            ],
            Resource: [
              `arn:aws:secretsmanager:${env.region}:${env.accountId}:secret:${PROJECT}/${env.name}/*`,
              props.masterSecretArn,
            ],
          },
          {
            // RDS names its managed master secret `rds!db-<uuid>`, which the model cannot
            // derive, so external-secrets finds it by its `aws:rds:primaryDBInstanceArn` tag.
            // ListSecrets returns names and tags, never values, and has no resource-level
            // permissions: https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_iam-policies.html
            Sid: 'FindRdsManagedSecretByTag',
            Effect: 'Allow',
            Action: 'secretsmanager:ListSecrets',
            Resource: '*',
          },
          decryptSecrets,
        ]),
      },
    });

    const cluster = clusterName(env.name);
    this.clusterAutoscaler = new IrsaRole(this, 'cluster-autoscaler', {
      ...common,
      serviceAccount: 'clusterAutoscaler',
      description: `Lets the cluster autoscaler resize the node groups of ${cluster}`,
      inlinePolicies: {
        'scale-node-groups': policyDocument([
          {
            // Describe calls support no resource-level permissions.
            Sid: 'DiscoverNodeGroups',
            Effect: 'Allow',
            Action: [
              'autoscaling:DescribeAutoScalingGroups',
              'autoscaling:DescribeAutoScalingInstances',
              'autoscaling:DescribeLaunchConfigurations',
              'autoscaling:DescribeScalingActivities',
              'autoscaling:DescribeTags',
              'ec2:DescribeImages',
              'ec2:DescribeInstanceTypes',
              'ec2:DescribeLaunchTemplateVersions',
              'ec2:GetInstanceTypesFromInstanceRequirements',
              'eks:DescribeNodegroup',
            ],
            Resource: '*',
          },
          {
            // EKS tags the auto-scaling groups of its managed node groups with the cluster's
            // name; only those may be resized.
            // https://github.com/kubernetes/autoscaler/blob/master/cluster-autoscaler/cloudprovider/aws/README.md
            Sid: 'ResizeOwnNodeGroups',
            Effect: 'Allow',
            Action: ['autoscaling:SetDesiredCapacity', 'autoscaling:TerminateInstanceInAutoScalingGroup'],
            Resource: '*',
            Condition: { StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${cluster}`]: 'owned' } },
          },
        ]),
      },
    });

    this.loadBalancerController = new IrsaRole(this, 'load-balancer-controller', {
      ...common,
      serviceAccount: 'loadBalancerController',
      description: `Lets the AWS Load Balancer Controller run the ALBs of ${cluster}`,
      inlinePolicies: { 'manage-load-balancers': policyDocument(LOAD_BALANCER_CONTROLLER_STATEMENTS) },
    });
  }
}

/**
 * What the EBS CSI driver needs on the EBS key to create, attach and detach encrypted volumes;
 * used in its IRSA policy and, for the same role, in the key policy.
 */
export function ebsKeyStatements(keyArn: string): PolicyStatement[] {
  return [
    {
      Sid: 'GrantEbsKeyToEc2',
      Effect: 'Allow',
      Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
      Resource: keyArn,
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    },
    {
      Sid: 'UseEbsKey',
      Effect: 'Allow',
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
      Resource: keyArn,
    },
  ];
}

/** Decrypting the database key, and only when Secrets Manager asks on the caller's behalf. */
function decryptThroughSecretsManager(env: Environment, keyArn: string): PolicyStatement {
  return {
    Sid: 'DecryptSecretsViaSecretsManager',
    Effect: 'Allow',
    Action: 'kms:Decrypt',
    Resource: keyArn,
    Condition: { StringEquals: { 'kms:ViaService': `secretsmanager.${env.region}.amazonaws.com` } },
  };
}
