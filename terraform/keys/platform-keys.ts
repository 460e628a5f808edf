import { Construct } from 'constructs';
import { type Environment, ebsKmsKeyAlias, irsaRoleArn } from '../../environments';
import { ebsKeyStatements } from '../eks/irsa-roles';
import { KmsKey } from './kms-key';

export interface PlatformKeysProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
}

/**
 * The environment's customer-managed keys, one per kind of data so that access to one does not
 * open the others: EKS secrets, the database, logs and backups.
 */
export class PlatformKeys extends Construct {
  /** Envelope encryption of Kubernetes secrets in etcd. */
  readonly eksSecrets: KmsKey;
  /** RDS storage, Performance Insights, its managed master secret and the connection secret. */
  readonly database: KmsKey;
  /** Every CloudWatch log group of the environment. */
  readonly logs: KmsKey;
  /** AWS Backup recovery points. */
  readonly backup: KmsKey;
  /**
   * The volumes the EBS CSI driver provisions (Elasticsearch, Prometheus); the encrypted
   * StorageClass names it by `ebsKmsKeyAliasArn(env)`.
   */
  readonly ebs: KmsKey;

  constructor(scope: Construct, id: string, props: PlatformKeysProps) {
    super(scope, id);
    const env = props.environment;
    this.eksSecrets = new KmsKey(this, 'eks-secrets', {
      environment: env,
      purpose: 'eks-secrets',
      description: 'envelope encryption of Kubernetes secrets',
    });
    this.database = new KmsKey(this, 'database', {
      environment: env,
      purpose: 'database',
      description: 'PostgreSQL storage, Performance Insights and database secrets',
    });
    this.logs = new KmsKey(this, 'logs', {
      environment: env,
      purpose: 'logs',
      description: 'CloudWatch log groups',
      serviceStatements: [
        {
          // CloudWatch Logs encrypts with the key itself, so the key policy must name it; the
          // encryption context limits it to this account's log groups in this region.
          // https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
          Sid: 'CloudWatchLogsUsesKey',
          Effect: 'Allow',
          Principal: { Service: `logs.${env.region}.amazonaws.com` },
          Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
          Resource: '*',
          Condition: {
            ArnLike: {
              'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:${env.region}:${env.accountId}:log-group:*`,
            },
          },
        },
      ],
    });
    this.backup = new KmsKey(this, 'backup', {
      environment: env,
      purpose: 'backup',
      description: 'AWS Backup recovery points',
    });
    const ebsCsiRole = irsaRoleArn(env, 'ebsCsi');
    this.ebs = new KmsKey(this, 'ebs', {
      environment: env,
      purpose: 'ebs',
      description: 'EBS volumes provisioned by the EBS CSI driver',
      aliasName: ebsKmsKeyAlias(env.name),
      // The driver's role by its derived ARN, not a reference: the role's own policy refers to
      // this key, so a reference would be a cycle. KMS refuses a principal that does not exist
      // yet, so the stack makes the key wait for the role (platform-stack.ts).
      serviceStatements: ebsKeyStatements('*').map((statement) => ({
        ...statement,
        Sid: `EbsCsiDriver${statement.Sid}`,
        Principal: { AWS: ebsCsiRole },
      })),
    });
  }
}
