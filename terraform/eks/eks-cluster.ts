import { EksCluster as EksClusterResource } from '@cdktf/provider-aws/lib/eks-cluster';
import { Construct } from 'constructs';
import { clusterName, DATA_PROFILES, type Environment } from '../../environments';
import { ServiceRole } from '../iam/service-role';
import { policyDocument, serviceTrustPolicy } from '../lib/iam-policy';
import { resourceName } from '../lib/tags';
import { EncryptedLogGroup } from '../logs/encrypted-log-group';

export interface EksClusterProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** Subnets for the control plane's network interfaces: the private tier. */
  readonly subnetIds: readonly string[];
  /** ARN of the KMS key enveloping Kubernetes secrets. */
  readonly secretsKeyArn: string;
  /** ARN of the KMS key encrypting the control-plane log group. */
  readonly logsKeyArn: string;
}

/** All five control-plane log types: audit trails are only complete with every one. */
export const CONTROL_PLANE_LOG_TYPES = ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'] as const;

/**
 * The EKS control plane: secrets envelope-encrypted with KMS, every control-plane log type to
 * an encrypted log group, a private API endpoint (public only for the model's CIDRs) and
 * authentication through access entries.
 */
export class EksCluster extends Construct {
  readonly cluster: EksClusterResource;
  readonly role: ServiceRole;

  constructor(scope: Construct, id: string, props: EksClusterProps) {
    super(scope, id);
    const env = props.environment;
    const name = clusterName(env.name);

    this.role = new ServiceRole(this, 'role', {
      roleName: resourceName(env.name, 'eks-cluster'),
      description: `Lets EKS run the control plane of ${name}`,
      assumeRolePolicy: serviceTrustPolicy('eks.amazonaws.com'),
      managedPolicies: ['AmazonEKSClusterPolicy'],
      inlinePolicies: {
        // AmazonEKSClusterPolicy carries no KMS rights; envelope encryption needs these on the
        // secrets key only. https://docs.aws.amazon.com/eks/latest/userguide/enable-kms.html
        'encrypt-secrets': policyDocument([
          {
            Sid: 'UseSecretsKey',
            Effect: 'Allow',
            Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ListGrants', 'kms:DescribeKey', 'kms:CreateGrant'],
            Resource: props.secretsKeyArn,
          },
        ]),
      },
    });

    // EKS writes to this fixed name; creating it first sets retention and encryption.
    const logGroup = new EncryptedLogGroup(this, 'logs', {
      name: `/aws/eks/${name}/cluster`,
      retentionDays: env.eks.controlPlaneLogRetentionDays,
      kmsKeyArn: props.logsKeyArn,
      // The audit log records user names and source addresses.
      profile: DATA_PROFILES.operationalLogs,
    });

    const publicAccess = env.eks.publicAccessCidrs.length > 0;
    this.cluster = new EksClusterResource(this, 'cluster', {
      name,
      version: env.eks.version,
      roleArn: this.role.arn,
      enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
      vpcConfig: {
        subnetIds: [...props.subnetIds],
        endpointPrivateAccess: true,
        endpointPublicAccess: publicAccess,
        ...(publicAccess ? { publicAccessCidrs: [...env.eks.publicAccessCidrs] } : {}),
      },
      encryptionConfig: { resources: ['secrets'], provider: { keyArn: props.secretsKeyArn } },
      accessConfig: {
        // Access entries only: IAM principals are granted through the EKS API, auditable in
        // CloudTrail, instead of the aws-auth ConfigMap.
        authenticationMode: 'API',
        // People get in through the access entries of the model (ClusterAccess), so the identity
        // that applies Terraform is not made a hidden cluster admin; were it also the model's
        // admin role, the implicit entry would collide with the explicit one on create.
        bootstrapClusterCreatorAdminPermissions: false,
      },
      dependsOn: [logGroup.logGroup, ...this.role.grants],
    });
  }

  get name(): string {
    return this.cluster.name;
  }

  /** The security group EKS creates for the cluster and attaches to managed nodes. */
  get clusterSecurityGroupId(): string {
    return this.cluster.vpcConfig.clusterSecurityGroupId;
  }

  /** OIDC issuer URL of the cluster's service-account tokens. */
  get oidcIssuer(): string {
    return this.cluster.identity.get(0).oidc.get(0).issuer;
  }
}
