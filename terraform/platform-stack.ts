import { AwsProvider, type AwsProviderConfig } from '@cdktf/provider-aws/lib/provider';
import { dependable, S3Backend, TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import {
  clusterName,
  type Environment,
  IRSA_SERVICE_ACCOUNTS,
  type IrsaRole as IrsaRoleKey,
  PROJECT,
  stackName,
  stateBackend,
  stateKmsKeyAliasArn,
  VERSIONS,
} from '../environments';
import { SsmBastion } from './access/ssm-bastion';
import { DatabaseBackup } from './backup/database-backup';
import { HostCertificates } from './certificates/host-certificates';
import { DatabaseAlarms } from './database/database-alarms';
import { DatabaseConnectionSecret } from './database/database-connection-secret';
import { POSTGRES_PORT, PostgresDatabase } from './database/postgres-database';
import { ClusterAccess } from './eks/cluster-access';
import { ClusterAddons } from './eks/cluster-addons';
import { EbsDefaultEncryption } from './eks/ebs-default-encryption';
import { EksCluster } from './eks/eks-cluster';
import { IrsaRoles } from './eks/irsa-roles';
import { OidcProvider } from './eks/oidc-provider';
import { WorkerNodes } from './eks/worker-nodes';
import { KmsKey } from './keys/kms-key';
import { PlatformKeys } from './keys/platform-keys';
import { GeneratedStack } from './lib/generated-stack';
import { Network } from './network/network';

export { GENERATED_BY } from './lib/generated-stack';

/** Value of the `managed-by` default tag. */
export const MANAGED_BY = 'cdktf';

export interface PlatformStackProps {
  /** The validated environment the stack describes (see `loadEnvironments`). */
  readonly environment: Environment;
}

/**
 * One environment's AWS platform: keys, network, EKS with its IRSA roles and add-ons, the
 * PostgreSQL database with its connection secret, and backups. Wires the domain constructs and
 * owns what belongs to the stack as a whole: provider, state backend and outputs.
 */
export class PlatformStack extends GeneratedStack {
  constructor(scope: Construct, props: PlatformStackProps) {
    const env = props.environment;
    super(scope, stackName(env.name));

    new AwsProvider(this, 'aws', awsProviderConfig(env, env.region));
    // Recovery points copied out of the primary region need a provider there (backup.copyRegion).
    const copyRegionProvider = env.backup.copyRegion
      ? new AwsProvider(this, 'aws-backup-copy', {
          ...awsProviderConfig(env, env.backup.copyRegion),
          alias: BACKUP_COPY_PROVIDER_ALIAS,
        })
      : undefined;
    // The bucket and its key come from the account's bootstrap stack (bootstrap/). Naming the
    // key matters: with `encrypt` alone the backend asks S3 for SSE-S3 (AES256) per object,
    // overriding the bucket's SSE-KMS default.
    const backend = new S3Backend(this, {
      ...stateBackend(env),
      region: env.region,
      encrypt: true,
      kmsKeyId: stateKmsKeyAliasArn(env),
    });
    // S3-native state locking (Terraform >= 1.10); CDKTF 0.21 has no typed property for it.
    backend.addOverride('use_lockfile', true);
    this.addOverride('terraform.required_version', VERSIONS.terraform);

    const keys = new PlatformKeys(this, 'keys', { environment: env });
    const network = new Network(this, 'network', { environment: env, logsKeyArn: keys.logs.arn });
    const privateSubnetIds = network.privateSubnets.map((s) => s.id);

    const cluster = new EksCluster(this, 'eks', {
      environment: env,
      subnetIds: privateSubnetIds,
      secretsKeyArn: keys.eksSecrets.arn,
      logsKeyArn: keys.logs.arn,
    });
    new ClusterAccess(this, 'eks-access', { environment: env, clusterName: cluster.name });
    const bastion = new SsmBastion(this, 'bastion', {
      environment: env,
      vpcId: network.vpc.id,
      // One zone is enough for a stateless forwarder; a lost zone means relaunching it in the other.
      subnetId: firstOf(privateSubnetIds, 'private subnet'),
      clusterSecurityGroupId: cluster.clusterSecurityGroupId,
      volumeKeyArn: new KmsKey(this, 'bastion-volume-key', {
        environment: env,
        purpose: 'bastion-volume',
        description: 'root volume of the SSM bastion',
      }).arn,
    });
    const oidc = new OidcProvider(this, 'eks-oidc', { environment: env, issuerUrl: cluster.oidcIssuer });
    const nodes = new WorkerNodes(this, 'eks-nodes', {
      environment: env,
      vpcId: network.vpc.id,
      clusterName: cluster.name,
      clusterSecurityGroupId: cluster.clusterSecurityGroupId,
      subnetIds: privateSubnetIds,
    });
    new EbsDefaultEncryption(this, 'ebs-encryption');

    const database = new PostgresDatabase(this, 'database', {
      environment: env,
      vpcId: network.vpc.id,
      subnetIds: privateSubnetIds,
      clientSecurityGroupId: nodes.securityGroup.id,
      databaseKeyArn: keys.database.arn,
      logsKeyArn: keys.logs.arn,
    });
    if (env.database.alarms)
      new DatabaseAlarms(this, 'database-alarms', { environment: env, alarms: env.database.alarms });
    const connection = new DatabaseConnectionSecret(this, 'database-connection', {
      environment: env,
      databaseKeyArn: keys.database.arn,
      host: database.address,
      port: POSTGRES_PORT,
      databaseName: env.database.databaseName,
      // The backend's own role; the master user is for break-glass only and its credentials
      // stay in the RDS-managed secret.
      username: env.database.applicationUsername,
    });

    const irsa = new IrsaRoles(this, 'irsa', {
      environment: env,
      oidcProviderArn: oidc.arn,
      oidcIssuerHost: oidc.issuerHost,
      masterSecretArn: database.masterSecretArn,
      databaseKeyArn: keys.database.arn,
      databaseResourceId: database.instance.resourceId,
      ebsKeyArn: keys.ebs.arn,
    });
    // The EBS key's policy names the driver's role, which must exist before KMS accepts it.
    keys.ebs.key.dependsOn = [dependable(irsa.ebsCsi.role.role)];
    new ClusterAddons(this, 'eks-addons', {
      clusterName: cluster.name,
      kubernetesVersion: env.eks.version,
      ebsCsiRoleArn: irsa.ebsCsi.arn,
      nodeGroups: nodes.nodeGroups.map((g) => g.nodeGroup),
    });
    // Public TLS of every Ingress host; the load balancer controller finds them by host name.
    new HostCertificates(this, 'certificates', { environment: env });
    new DatabaseBackup(this, 'backup', {
      environment: env,
      backupKeyArn: keys.backup.arn,
      databaseArn: database.arn,
      copyRegionProvider,
    });

    const outputs: Record<string, { value: string; description: string }> = {
      cluster_name: { value: cluster.name, description: `EKS cluster name (${clusterName(env.name)})` },
      cluster_endpoint: { value: cluster.cluster.endpoint, description: 'EKS API server endpoint' },
      cluster_oidc_issuer: { value: cluster.oidcIssuer, description: 'OIDC issuer of service-account tokens' },
      cluster_role_arn: { value: cluster.role.arn, description: 'IAM role of the EKS control plane' },
      node_role_arn: { value: nodes.role.arn, description: 'IAM role of the EKS nodes' },
      bastion_instance_id: {
        value: bastion.instance.id,
        description: 'SSM bastion: aws ssm start-session --target <this> (README, Bootstrapping a cluster)',
      },
      database_endpoint: { value: database.instance.endpoint, description: 'PostgreSQL endpoint, host:port' },
      database_master_secret_arn: {
        value: database.masterSecretArn,
        description: 'Secrets Manager secret of the master password, managed by RDS',
      },
      database_connection_secret_arn: {
        value: connection.arn,
        description: 'Secrets Manager secret with host, port, database name and user',
      },
    };
    for (const key of Object.keys(IRSA_SERVICE_ACCOUNTS) as IrsaRoleKey[]) {
      const { namespace, serviceAccount } = IRSA_SERVICE_ACCOUNTS[key];
      outputs[`irsa_${snake(key)}_role_arn`] = {
        value: irsa[key].arn,
        description: `IRSA role of service account ${namespace}/${serviceAccount}`,
      };
    }
    for (const [id, output] of Object.entries(outputs)) new TerraformOutput(this, id, output);
  }
}

/** The first element, or an error naming what was missing (the model always declares two). */
function firstOf<T>(items: readonly T[], what: string): T {
  const [first] = items;
  if (first === undefined) throw new Error(`PlatformStack: no ${what} to place the bastion in`);
  return first;
}

/** Alias of the provider in the backup copy region: `aws.backup_copy` in the JSON. */
export const BACKUP_COPY_PROVIDER_ALIAS = 'backup_copy';

/** The AWS provider settings every region of an environment shares. */
export function awsProviderConfig(env: Environment, region: string): AwsProviderConfig {
  return {
    region,
    defaultTags: [{ tags: { project: PROJECT, environment: env.name, 'managed-by': MANAGED_BY, owner: env.owner } }],
    // Nothing in the stack reads from AWS at plan time (no data sources; account ids and
    // ARNs come from the model), so `terraform plan` runs offline with these three checks off.
    // `allowed_account_ids` would need the account looked up, so the guard against applying
    // to the wrong account is the state bucket, which is named after the account.
    skipCredentialsValidation: true,
    skipRequestingAccountId: true,
    skipMetadataApiCheck: 'true',
  };
}

/** `clusterAutoscaler` → `cluster_autoscaler`. */
function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
