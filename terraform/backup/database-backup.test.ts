import { DATA_PROFILES, ENVIRONMENT_NAMES, environment, GDPR_KEYS } from '../../environments';
import { platformStack, ref, synthesizeEnvironment } from '../testing/synthesized-stack';

describe.each(ENVIRONMENT_NAMES)('the %s database backups', (name) => {
  const stack = () => platformStack(name);

  it('go to a vault encrypted with the backup key and tagged as customer data', () => {
    const vault = stack().resources('aws_backup_vault').backup_vault;
    expect(vault.name).toBe(`ecolaura-${name}-backups`);
    expect(vault.kms_key_arn).toBe(ref('aws_kms_key', 'keys_backup_key', 'arn'));
    expect(vault.tags[GDPR_KEYS.retentionDays]).toBe(String(DATA_PROFILES.customerData.retentionDays));
  });

  it('run daily on the model schedule and keep recovery points for the model retention', () => {
    const [rule] = stack().only('aws_backup_plan').rule;
    expect(rule).toMatchObject({
      rule_name: 'daily',
      schedule: stack().environment.backup.schedule,
      target_vault_name: ref('aws_backup_vault', 'backup_vault', 'name'),
      lifecycle: { delete_after: stack().environment.backup.retentionDays },
    });
    expect(rule.recovery_point_tags[GDPR_KEYS.classification]).toBe('restricted');
  });

  it('select the database and act through their own role', () => {
    expect(stack().only('aws_backup_selection')).toMatchObject({
      resources: [ref('aws_db_instance', 'database_instance', 'arn')],
      iam_role_arn: ref('aws_iam_role', 'backup_role', 'arn'),
      plan_id: ref('aws_backup_plan', 'backup_plan', 'id'),
    });
    const attachments = Object.values(stack().resources('aws_iam_role_policy_attachment'))
      .filter((a) => a.role === ref('aws_iam_role', 'backup_role', 'name'))
      .map((a) => a.policy_arn);
    expect(attachments).toEqual([
      'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup',
      'arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores',
    ]);
  });
});

it('refuses a backup retention longer than the customer data may be kept', () => {
  const prod = environment('prod');
  const tooLong = DATA_PROFILES.customerData.retentionDays + 1;
  expect(() => synthesizeEnvironment({ ...prod, backup: { ...prod.backup, retentionDays: tooLong } })).toThrow(
    `backup plan of prod: retention of ${tooLong} days exceeds the ${DATA_PROFILES.customerData.retentionDays} days`,
  );
});

describe('the prod backups, copied out of the region', () => {
  const stack = () => platformStack('prod');
  const copyRegion = () => stack().environment.backup.copyRegion;

  it('have a provider in the model second EU region, apart from the primary one', () => {
    const providers = stack().json.provider.aws;
    const copy = providers.find((p: { alias?: string }) => p.alias === 'backup_copy');
    expect(copy.region).toBe(copyRegion());
    expect(copy.region).not.toBe(stack().environment.region);
    expect(copy.default_tags).toEqual(providers.find((p: { alias?: string }) => !p.alias).default_tags);
  });

  it('copy every recovery point to a vault there, kept as long as the original', () => {
    const [rule] = stack().only('aws_backup_plan').rule;
    expect(rule.copy_action).toEqual([
      {
        destination_vault_arn: ref('aws_backup_vault', 'backup_copy_vault', 'arn'),
        lifecycle: { delete_after: stack().environment.backup.retentionDays },
      },
    ]);
    expect(stack().resources('aws_backup_vault').backup_copy_vault.provider).toBe('aws.backup_copy');
  });

  it('encrypt the copies with a dedicated rotating backup key in the second region, not the database key', () => {
    const vault = stack().resources('aws_backup_vault').backup_copy_vault;
    expect(vault.kms_key_arn).toBe(ref('aws_kms_key', 'backup_copy_key_key', 'arn'));
    expect(vault.kms_key_arn).not.toBe(ref('aws_kms_key', 'keys_database_key', 'arn'));
    const key = stack().resources('aws_kms_key').backup_copy_key_key;
    expect(key).toMatchObject({ provider: 'aws.backup_copy', enable_key_rotation: true });
    expect(vault.tags[GDPR_KEYS.classification]).toBe('restricted');
  });

  it('lock both vaults in governance mode for exactly the model retention', () => {
    const locks = stack().resources('aws_backup_vault_lock_configuration');
    const days = stack().environment.backup.retentionDays;
    expect(locks).toEqual({
      backup_vault_lock: {
        backup_vault_name: ref('aws_backup_vault', 'backup_vault', 'name'),
        min_retention_days: days,
        max_retention_days: days,
      },
      backup_copy_vault_lock: {
        provider: 'aws.backup_copy',
        backup_vault_name: ref('aws_backup_vault', 'backup_copy_vault', 'name'),
        min_retention_days: days,
        max_retention_days: days,
      },
    });
    // Compliance mode (changeable_for_days) would make the lock irrevocable after the grace time.
    for (const lock of Object.values(locks)) expect(lock).not.toHaveProperty('changeable_for_days');
  });
});

it.each(['dev', 'staging'] as const)('%s keeps its backups in its region, unlocked, as its model says', (name) => {
  const stack = platformStack(name);
  expect(stack.only('aws_backup_plan').rule[0].copy_action).toBeUndefined();
  expect(stack.resources('aws_backup_vault_lock_configuration')).toEqual({});
});

it.each(ENVIRONMENT_NAMES)('the %s backup role trusts AWS Backup only for its own account', (name) => {
  const role = platformStack(name).resources('aws_iam_role').backup_role;
  const [trust] = JSON.parse(role.assume_role_policy).Statement;
  // Counter-example: the trust without any Condition, which let any account's jobs use it.
  expect(trust.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': platformStack(name).environment.accountId } });
});
