import { DATA_PROFILES, databaseIdentifier, ENVIRONMENT_NAMES, GDPR_KEYS } from '../../environments';
import { platformStack, ref } from '../testing/synthesized-stack';
import { EXPORTED_LOGS, POSTGRES_PORT } from './postgres-database';

const DATABASE_KEY = ref('aws_kms_key', 'keys_database_key', 'arn');

describe.each(ENVIRONMENT_NAMES)('the %s PostgreSQL database', (name) => {
  const stack = () => platformStack(name);
  const db = () => stack().only('aws_db_instance');
  const model = () => stack().environment.database;

  it('is identified as the Kubernetes side expects and runs the model engine and Graviton class', () => {
    expect(db()).toMatchObject({
      identifier: databaseIdentifier(name),
      engine: 'postgres',
      engine_version: model().engineVersion,
      instance_class: model().instanceClass,
      db_name: model().databaseName,
      username: model().masterUsername,
    });
  });

  it('pins the PostgreSQL major only, so RDS minor upgrades never turn into a planned downgrade', () => {
    const instance = stack().only('aws_db_instance');
    expect(instance.engine_version).toBe('16');
    // The old pin: a minor together with automatic minor upgrades.
    expect(instance.engine_version).not.toBe('16.4');
    expect(instance.auto_minor_version_upgrade).toBe(true);
    expect(instance.maintenance_window).toBe(model().maintenanceWindow);
    expect(stack().only('aws_db_parameter_group').family).toBe(`postgres${instance.engine_version}`);
  });

  it('keeps its master password in Secrets Manager under the database key, never in Terraform', () => {
    expect(db().manage_master_user_password).toBe(true);
    expect(db().master_user_secret_kms_key_id).toBe(DATABASE_KEY);
    expect(db().password).toBeUndefined();
  });

  it('stores data on encrypted gp3 storage that grows up to the model maximum', () => {
    expect(db()).toMatchObject({
      storage_type: 'gp3',
      storage_encrypted: true,
      kms_key_id: DATABASE_KEY,
      allocated_storage: model().allocatedStorageGiB,
      max_allocated_storage: model().maxAllocatedStorageGiB,
    });
  });

  it('is reachable only privately, through the private subnets', () => {
    expect(db().publicly_accessible).toBe(false);
    expect(stack().only('aws_db_subnet_group').subnet_ids).toEqual([
      ref('aws_subnet', 'network_private_a_subnet', 'id'),
      ref('aws_subnet', 'network_private_b_subnet', 'id'),
    ]);
  });

  it('admits port 5432 from the EKS nodes security group and nothing else', () => {
    expect(db().vpc_security_group_ids).toEqual([ref('aws_security_group', 'database_security_group', 'id')]);
    const databaseGroup = ref('aws_security_group', 'database_security_group', 'id');
    const rules = Object.values(stack().resources('aws_vpc_security_group_ingress_rule')).filter(
      (rule) => rule.security_group_id === databaseGroup,
    );
    expect(rules).toEqual([
      expect.objectContaining({
        security_group_id: ref('aws_security_group', 'database_security_group', 'id'),
        referenced_security_group_id: ref('aws_security_group', 'eks_nodes_security_group', 'id'),
        ip_protocol: 'tcp',
        from_port: POSTGRES_PORT,
        to_port: POSTGRES_PORT,
      }),
    ]);
    expect(stack().resources('aws_security_group').database_security_group.ingress).toBeUndefined();
  });

  it('forces TLS and logs connections through its parameter group', () => {
    const group = stack().only('aws_db_parameter_group');
    expect(group.family).toBe(model().parameterGroupFamily);
    expect(group.parameter).toEqual(
      expect.arrayContaining([
        { name: 'rds.force_ssl', value: '1' },
        { name: 'log_connections', value: '1' },
        { name: 'log_disconnections', value: '1' },
      ]),
    );
    expect(db().parameter_group_name).toBe(ref('aws_db_parameter_group', 'database_parameters', 'name'));
  });

  it('backs up for the model retention in its window and keeps a final snapshot with its tags', () => {
    expect(db()).toMatchObject({
      backup_retention_period: model().backupRetentionDays,
      backup_window: model().backupWindow,
      maintenance_window: model().maintenanceWindow,
      copy_tags_to_snapshot: true,
      skip_final_snapshot: false,
      final_snapshot_identifier: `${databaseIdentifier(name)}-final`,
    });
  });

  it('follows the model for multi-AZ and deletion protection', () => {
    expect(db().multi_az).toBe(model().multiAz);
    expect(db().deletion_protection).toBe(model().deletionProtection);
  });

  it('encrypts Performance Insights, allows IAM authentication and exports its logs', () => {
    expect(db()).toMatchObject({
      performance_insights_enabled: true,
      performance_insights_kms_key_id: DATABASE_KEY,
      iam_database_authentication_enabled: true,
      enabled_cloudwatch_logs_exports: [...EXPORTED_LOGS],
    });
  });

  it('pre-creates its exported log groups, encrypted and within their GDPR retention', () => {
    const groups = stack().resources('aws_cloudwatch_log_group');
    for (const log of EXPORTED_LOGS) {
      const group = groups[`database_${log}_logs`];
      expect(group.name).toBe(`/aws/rds/instance/${databaseIdentifier(name)}/${log}`);
      expect(group.kms_key_id).toBe(ref('aws_kms_key', 'keys_logs_key', 'arn'));
      expect(group.retention_in_days).toBe(stack().environment.database.logRetentionDays);
      expect(group.retention_in_days).toBeLessThanOrEqual(DATA_PROFILES.operationalLogs.retentionDays);
      expect(db().depends_on).toContain(`aws_cloudwatch_log_group.database_${log}_logs`);
    }
  });

  it('is tagged as customer data', () => {
    expect(db().tags[GDPR_KEYS.classification]).toBe('restricted');
    expect(db().tags[GDPR_KEYS.lawfulBasis]).toBe('contract');
  });

  it('samples enhanced monitoring at the model interval through its own role (was off: no monitoring_interval)', () => {
    expect(db().monitoring_interval).toBe(model().enhancedMonitoringIntervalSeconds);
    expect(db().monitoring_interval).toBeGreaterThan(0);
    expect(db().monitoring_role_arn).toBe(ref('aws_iam_role', 'database_monitoring_role', 'arn'));
  });

  it('lets only RDS monitoring acting for this account assume the monitoring role', () => {
    const role = stack().resources('aws_iam_role').database_monitoring_role;
    const [trust] = JSON.parse(role.assume_role_policy).Statement;
    expect(trust.Principal).toEqual({ Service: 'monitoring.rds.amazonaws.com' });
    expect(trust.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': stack().environment.accountId } });
    const attached = Object.values(stack().resources('aws_iam_role_policy_attachment'))
      .filter((a) => a.role === ref('aws_iam_role', 'database_monitoring_role', 'name'))
      .map((a) => a.policy_arn);
    expect(attached).toEqual(['arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole']);
  });

  it('writes enhanced-monitoring samples to a pre-created, encrypted RDSOSMetrics group', () => {
    const group = stack().resources('aws_cloudwatch_log_group').database_os_metrics_logs;
    expect(group).toMatchObject({ name: 'RDSOSMetrics', kms_key_id: ref('aws_kms_key', 'keys_logs_key', 'arn') });
  });
});

describe('the prod database', () => {
  it('runs multi-AZ with deletion protection and at least two weeks of backups', () => {
    const db = platformStack('prod').only('aws_db_instance');
    expect(db.multi_az).toBe(true);
    expect(db.deletion_protection).toBe(true);
    expect(db.backup_retention_period).toBeGreaterThanOrEqual(14);
  });
});
