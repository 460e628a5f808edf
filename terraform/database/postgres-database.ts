import { DbInstance } from '@cdktf/provider-aws/lib/db-instance';
import { DbParameterGroup } from '@cdktf/provider-aws/lib/db-parameter-group';
import { DbSubnetGroup } from '@cdktf/provider-aws/lib/db-subnet-group';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { DATA_PROFILES, databaseIdentifier, type Environment, VERSIONS } from '../../environments';
import { POSTGRES_PORT } from '../../environments/ports';
import { ServiceRole } from '../iam/service-role';
import { serviceTrustPolicy } from '../lib/iam-policy';
import { assertRetentionWithinProfile, dataTags, nameTag, resourceName } from '../lib/tags';
import { EncryptedLogGroup } from '../logs/encrypted-log-group';

export interface PostgresDatabaseProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** ID of the environment VPC. */
  readonly vpcId: string;
  /** Subnets of the DB subnet group: the private tier. */
  readonly subnetIds: readonly string[];
  /** The only security group admitted on the PostgreSQL port: the EKS nodes'. */
  readonly clientSecurityGroupId: string;
  /** ARN of the KMS key for storage, Performance Insights and the master secret. */
  readonly databaseKeyArn: string;
  /** ARN of the KMS key for the exported log groups. */
  readonly logsKeyArn: string;
}

/** Re-exported for the constructs that wire the database; defined in environments/ports.ts. */
export { POSTGRES_PORT };

/** Log types RDS exports to CloudWatch: the server log (connections, errors) and upgrades. */
export const EXPORTED_LOGS = ['postgresql', 'upgrade'] as const;

/**
 * Days Performance Insights keeps its samples: seven is the free tier and enough to look into
 * last week's incident; the samples hold query text.
 */
const PERFORMANCE_INSIGHTS_RETENTION_DAYS = 7;

/**
 * The PostgreSQL instance holding customer data: private, encrypted at rest and in transit,
 * its master password kept by Secrets Manager, backed up, and tagged with its GDPR profile.
 */
export class PostgresDatabase extends Construct {
  readonly instance: DbInstance;
  readonly securityGroup: SecurityGroup;
  /** Role RDS enhanced monitoring publishes OS metrics with. */
  readonly monitoringRole: ServiceRole;

  constructor(scope: Construct, id: string, props: PostgresDatabaseProps) {
    super(scope, id);
    const env = props.environment;
    const db = env.database;
    const identifier = databaseIdentifier(env.name);
    const profile = DATA_PROFILES.customerData;
    assertRetentionWithinProfile(`database ${identifier} backups`, db.backupRetentionDays, profile);

    const subnetGroup = new DbSubnetGroup(this, 'subnet-group', {
      name: identifier,
      description: `Private subnets of ${identifier}`,
      subnetIds: [...props.subnetIds],
      tags: nameTag(env.name, 'postgres'),
    });

    this.securityGroup = new SecurityGroup(this, 'security-group', {
      name: identifier,
      description: `PostgreSQL ${identifier}: port ${POSTGRES_PORT} from the EKS nodes only`,
      vpcId: props.vpcId,
      tags: nameTag(env.name, 'postgres'),
    });
    new VpcSecurityGroupIngressRule(this, 'from-nodes', {
      securityGroupId: this.securityGroup.id,
      description: 'PostgreSQL from the EKS nodes',
      referencedSecurityGroupId: props.clientSecurityGroupId,
      ipProtocol: 'tcp',
      fromPort: POSTGRES_PORT,
      toPort: POSTGRES_PORT,
      tags: nameTag(env.name, 'postgres-from-nodes'),
    });

    const parameters = new DbParameterGroup(this, 'parameters', {
      name: identifier,
      family: db.parameterGroupFamily,
      description: `TLS-only connections and connection logging for ${identifier}`,
      parameter: [
        // Refuse unencrypted connections: encryption in transit is not optional.
        { name: 'rds.force_ssl', value: '1' },
        { name: 'log_connections', value: '1' },
        { name: 'log_disconnections', value: '1' },
      ],
      tags: nameTag(env.name, 'postgres'),
    });

    // RDS writes exports to these fixed names; creating them first sets retention and key.
    const logGroups = EXPORTED_LOGS.map(
      (log) =>
        new EncryptedLogGroup(this, `${log}-logs`, {
          name: `/aws/rds/instance/${identifier}/${log}`,
          retentionDays: db.logRetentionDays,
          kmsKeyArn: props.logsKeyArn,
          // Connection logs carry user names and client addresses.
          profile: DATA_PROFILES.operationalLogs,
        }).logGroup,
    );

    // Enhanced monitoring publishes OS metrics (per-process CPU and memory, which the
    // hypervisor-level CPUUtilization cannot show) through this role. The `aws:SourceAccount`
    // condition keeps RDS acting for another account from using it (confused deputy).
    // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.Enabling.html
    this.monitoringRole = new ServiceRole(this, 'monitoring-role', {
      roleName: resourceName(env.name, 'rds-monitoring'),
      description: `Lets RDS enhanced monitoring publish OS metrics of ${identifier}`,
      assumeRolePolicy: serviceTrustPolicy('monitoring.rds.amazonaws.com', env.accountId),
      managedPolicies: ['service-role/AmazonRDSEnhancedMonitoringRole'],
    });
    // RDS writes enhanced-monitoring samples to this fixed, per-region group; creating it first
    // gives it our key and a bounded retention instead of RDS's unencrypted default.
    const osMetrics = new EncryptedLogGroup(this, 'os-metrics-logs', {
      name: 'RDSOSMetrics',
      retentionDays: db.logRetentionDays,
      kmsKeyArn: props.logsKeyArn,
      // Process names and resource use: no personal data.
      profile: DATA_PROFILES.metrics,
    }).logGroup;

    this.instance = new DbInstance(this, 'instance', {
      identifier,
      engine: 'postgres',
      engineVersion: db.engineVersion,
      instanceClass: db.instanceClass,
      dbName: db.databaseName,
      username: db.masterUsername,
      // RDS generates and rotates the password in Secrets Manager; it never appears in
      // Terraform's configuration or state.
      manageMasterUserPassword: true,
      masterUserSecretKmsKeyId: props.databaseKeyArn,
      // The backend signs in with IAM tokens (no password); see irsa-roles.ts.
      iamDatabaseAuthenticationEnabled: true,
      // Pinned, so the root the backend verifies against (apps/backend/rds-ca-bundle.ts) is the
      // one this instance's certificate chains to.
      caCertIdentifier: VERSIONS.rdsCertificateAuthority,
      port: POSTGRES_PORT,
      dbSubnetGroupName: subnetGroup.name,
      vpcSecurityGroupIds: [this.securityGroup.id],
      publiclyAccessible: false,
      parameterGroupName: parameters.name,
      storageType: 'gp3',
      allocatedStorage: db.allocatedStorageGiB,
      maxAllocatedStorage: db.maxAllocatedStorageGiB,
      storageEncrypted: true,
      kmsKeyId: props.databaseKeyArn,
      multiAz: db.multiAz,
      backupRetentionPeriod: db.backupRetentionDays,
      backupWindow: db.backupWindow,
      maintenanceWindow: db.maintenanceWindow,
      copyTagsToSnapshot: true,
      skipFinalSnapshot: false,
      finalSnapshotIdentifier: `${identifier}-final`,
      deletionProtection: db.deletionProtection,
      performanceInsightsEnabled: true,
      performanceInsightsKmsKeyId: props.databaseKeyArn,
      performanceInsightsRetentionPeriod: PERFORMANCE_INSIGHTS_RETENTION_DAYS,
      enabledCloudwatchLogsExports: [...EXPORTED_LOGS],
      monitoringInterval: db.enhancedMonitoringIntervalSeconds,
      monitoringRoleArn: this.monitoringRole.arn,
      // With a major-only engine version (VERSIONS.postgres) RDS applies each minor in the
      // maintenance window and the plan keeps matching; validate.ts refuses a pinned minor here.
      autoMinorVersionUpgrade: db.autoMinorVersionUpgrade,
      // Changes wait for the maintenance window instead of restarting the database mid-day.
      applyImmediately: false,
      tags: dataTags(profile, nameTag(env.name, 'postgres')),
      // The role's policy must be attached before RDS first assumes it.
      dependsOn: [...logGroups, osMetrics, ...this.monitoringRole.grants],
    });
  }

  /** Host name of the instance's endpoint, without port. */
  get address(): string {
    return this.instance.address;
  }

  get arn(): string {
    return this.instance.arn;
  }

  /** ARN of the master-password secret RDS manages. */
  get masterSecretArn(): string {
    return this.instance.masterUserSecret.get(0).secretArn;
  }
}
