import { BackupPlan } from '@cdktf/provider-aws/lib/backup-plan';
import { BackupSelection } from '@cdktf/provider-aws/lib/backup-selection';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { Construct } from 'constructs';
import { DATA_PROFILES, type Environment } from '../../environments';
import { ServiceRole } from '../iam/service-role';
import { serviceTrustPolicy } from '../lib/iam-policy';
import { assertRetentionWithinProfile, dataTags, resourceName } from '../lib/tags';

export interface DatabaseBackupProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** ARN of the KMS key encrypting the vault's recovery points. */
  readonly backupKeyArn: string;
  /** ARN of the RDS instance to back up. */
  readonly databaseArn: string;
}

/**
 * Minutes AWS Backup may wait to start a job, and to finish one. Generous windows keep a busy
 * region from failing the night's backup.
 */
const START_WINDOW_MINUTES = 60;
const COMPLETION_WINDOW_MINUTES = 360;

/**
 * AWS Backup for the database: an encrypted vault, a daily plan keeping recovery points for the
 * model's retention, and a selection naming the instance. The copies live apart from RDS's own
 * automated backups, under their own key and role.
 */
export class DatabaseBackup extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;

  constructor(scope: Construct, id: string, props: DatabaseBackupProps) {
    super(scope, id);
    const env = props.environment;
    // Recovery points are copies of the customer database.
    const profile = DATA_PROFILES.customerData;
    assertRetentionWithinProfile(`backup plan of ${env.name}`, env.backup.retentionDays, profile);

    this.vault = new BackupVault(this, 'vault', {
      name: resourceName(env.name, 'backups'),
      kmsKeyArn: props.backupKeyArn,
      tags: dataTags(profile),
    });
    this.plan = new BackupPlan(this, 'plan', {
      name: resourceName(env.name, 'daily'),
      rule: [
        {
          ruleName: 'daily',
          targetVaultName: this.vault.name,
          schedule: env.backup.schedule,
          startWindow: START_WINDOW_MINUTES,
          completionWindow: COMPLETION_WINDOW_MINUTES,
          lifecycle: { deleteAfter: env.backup.retentionDays },
          recoveryPointTags: dataTags(profile),
        },
      ],
    });
    const role = new ServiceRole(this, 'role', {
      roleName: resourceName(env.name, 'backup'),
      description: 'Lets AWS Backup back up and restore the database',
      assumeRolePolicy: serviceTrustPolicy('backup.amazonaws.com'),
      managedPolicies: [
        'service-role/AWSBackupServiceRolePolicyForBackup',
        'service-role/AWSBackupServiceRolePolicyForRestores',
      ],
    });
    new BackupSelection(this, 'selection', {
      name: resourceName(env.name, 'database'),
      planId: this.plan.id,
      iamRoleArn: role.arn,
      resources: [props.databaseArn],
    });
  }
}
