import { DATA_PROFILES, ENVIRONMENT_NAMES, environment, GDPR_KEYS } from '../../environments';
import { platformStack, ref, synthesizeEnvironment } from '../testing/synthesized-stack';

describe.each(ENVIRONMENT_NAMES)('the %s database backups', (name) => {
  const stack = () => platformStack(name);

  it('go to a vault encrypted with the backup key and tagged as customer data', () => {
    const vault = stack().only('aws_backup_vault');
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
