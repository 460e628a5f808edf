import { BackupPlan } from '@cdktf/provider-aws/lib/backup-plan';
import { BackupSelection } from '@cdktf/provider-aws/lib/backup-selection';
import { BackupVault } from '@cdktf/provider-aws/lib/backup-vault';
import { BackupVaultLockConfiguration } from '@cdktf/provider-aws/lib/backup-vault-lock-configuration';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { DATA_PROFILES, type Environment } from '../../environments';
import { ServiceRole } from '../iam/service-role';
import { KmsKey } from '../keys/kms-key';
import { serviceTrustPolicy } from '../lib/iam-policy';
import { assertRetentionWithinProfile, dataTags, resourceName } from '../lib/tags';

export interface DatabaseBackupProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** ARN of the KMS key encrypting the vault's recovery points. */
  readonly backupKeyArn: string;
  /** ARN of the RDS instance to back up. */
  readonly databaseArn: string;
  /**
   * Provider of the second region, `backup.copyRegion` of the model; required when the model
   * names one, refused when it does not.
   * @default - no cross-region copy
   */
  readonly copyRegionProvider?: TerraformProvider;
}

/**
 * Minutes AWS Backup may wait to start a job, and to finish one. Generous windows keep a busy
 * region from failing the night's backup.
 */
const START_WINDOW_MINUTES = 60;
const COMPLETION_WINDOW_MINUTES = 360;

/**
 * AWS Backup for the database: an encrypted vault, a daily plan keeping recovery points for the
 * model's retention, and a selection naming the instance. Where the model asks (prod), every
 * recovery point is also copied to a vault in a second EU region under that region's own backup
 * key, and both vaults are locked so nobody can delete a recovery point before its retention.
 */
export class DatabaseBackup extends Construct {
  readonly vault: BackupVault;
  readonly plan: BackupPlan;
  /** The vault in the second region, when the model names one. */
  readonly copyVault?: BackupVault;

  constructor(scope: Construct, id: string, props: DatabaseBackupProps) {
    super(scope, id);
    const env = props.environment;
    const { copyRegion, retentionDays, vaultLock } = env.backup;
    if ((copyRegion === null) !== (props.copyRegionProvider === undefined)) {
      throw new Error(
        `backup of ${env.name}: backup.copyRegion is ${JSON.stringify(copyRegion)} but a copy-region provider was ` +
          `${props.copyRegionProvider ? '' : 'not '}given; pass the provider exactly when the model names a copy region`,
      );
    }
    // Recovery points are copies of the customer database.
    const profile = DATA_PROFILES.customerData;
    assertRetentionWithinProfile(`backup plan of ${env.name}`, retentionDays, profile);

    this.vault = new BackupVault(this, 'vault', {
      name: resourceName(env.name, 'backups'),
      kmsKeyArn: props.backupKeyArn,
      tags: dataTags(profile),
    });
    if (props.copyRegionProvider && copyRegion) {
      // A key of its own in the second region: KMS keys never leave their region, and a copy
      // under a separate key survives the loss (or a compromise) of the primary one. For RDS,
      // which AWS Backup does not fully manage, the primary recovery points stay under the
      // database key, so this copy is the one backup under a backup key.
      // https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html
      const copyKey = new KmsKey(this, 'copy-key', {
        environment: env,
        purpose: 'backup-copy',
        description: `AWS Backup recovery points copied to ${copyRegion}`,
        provider: props.copyRegionProvider,
      });
      this.copyVault = new BackupVault(this, 'copy-vault', {
        provider: props.copyRegionProvider,
        name: resourceName(env.name, 'backups-copy'),
        kmsKeyArn: copyKey.arn,
        tags: dataTags(profile),
      });
    }
    if (vaultLock) {
      for (const [lockId, vault] of [
        ['vault-lock', this.vault],
        ['copy-vault-lock', this.copyVault],
      ] as const) {
        if (!vault) continue;
        // Governance mode: no `changeable_for_days`, so a principal holding
        // backup:DeleteBackupVaultLockConfiguration can still lift the lock in an emergency,
        // which compliance mode would forbid for good. Minimum and maximum are both the
        // model's retention: no recovery point is deleted early, none outlives its GDPR profile.
        new BackupVaultLockConfiguration(this, lockId, {
          provider: vault === this.copyVault ? props.copyRegionProvider : undefined,
          backupVaultName: vault.name,
          minRetentionDays: retentionDays,
          maxRetentionDays: retentionDays,
        });
      }
    }
    this.plan = new BackupPlan(this, 'plan', {
      name: resourceName(env.name, 'daily'),
      rule: [
        {
          ruleName: 'daily',
          targetVaultName: this.vault.name,
          schedule: env.backup.schedule,
          startWindow: START_WINDOW_MINUTES,
          completionWindow: COMPLETION_WINDOW_MINUTES,
          lifecycle: { deleteAfter: retentionDays },
          recoveryPointTags: dataTags(profile),
          copyAction: this.copyVault
            ? [{ destinationVaultArn: this.copyVault.arn, lifecycle: { deleteAfter: retentionDays } }]
            : undefined,
        },
      ],
    });
    const role = new ServiceRole(this, 'role', {
      roleName: resourceName(env.name, 'backup'),
      description: 'Lets AWS Backup back up and restore the database',
      // AWS Backup sends aws:SourceAccount, so only jobs of this account may use the role.
      // https://docs.aws.amazon.com/aws-backup/latest/devguide/iam-service-roles.html
      assumeRolePolicy: serviceTrustPolicy('backup.amazonaws.com', env.accountId),
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
