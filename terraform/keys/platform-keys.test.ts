import { ENVIRONMENT_NAMES, ebsKmsKeyAlias, irsaRoleArn } from '../../environments';
import { platformStack, ref, statement } from '../testing/synthesized-stack';
import { KEY_DELETION_WINDOW_DAYS } from './kms-key';

const PURPOSES = ['backup', 'database', 'ebs', 'eks_secrets', 'logs'];

describe.each(ENVIRONMENT_NAMES)('the %s KMS keys', (name) => {
  const stack = () => platformStack(name);

  it('are one customer-managed key each for EKS secrets, the database, EBS volumes, logs and backups', () => {
    const primary = Object.keys(stack().resources('aws_kms_key')).filter((id) => id.startsWith('keys_'));
    expect(primary.sort()).toEqual(PURPOSES.map((p) => `keys_${p}_key`));
  });

  it('rotate yearly and wait the longest window before deletion', () => {
    for (const key of Object.values(stack().resources('aws_kms_key'))) {
      expect(key.enable_key_rotation).toBe(true);
      expect(key.deletion_window_in_days).toBe(KEY_DELETION_WINDOW_DAYS);
    }
  });

  it('each have an alias named after the environment and purpose', () => {
    const aliases = stack().resources('aws_kms_alias');
    for (const purpose of PURPOSES) {
      expect(aliases[`keys_${purpose}_alias`]).toEqual({
        name: purpose === 'ebs' ? ebsKmsKeyAlias(name) : `alias/ecolaura-${name}-${purpose.replace('_', '-')}`,
        target_key_id: ref('aws_kms_key', `keys_${purpose}_key`, 'key_id'),
      });
    }
  });

  it('are administered by the environment account named in the model', () => {
    for (const key of Object.values(stack().resources('aws_kms_key'))) {
      expect(statement(key.policy, 'AccountAdministersKey').Principal).toEqual({
        AWS: `arn:aws:iam::${stack().environment.accountId}:root`,
      });
    }
  });

  it('let CloudWatch Logs of the region use the log key for this account log groups only', () => {
    const env = stack().environment;
    const logs = statement(stack().resources('aws_kms_key').keys_logs_key.policy, 'CloudWatchLogsUsesKey');
    expect(logs.Principal).toEqual({ Service: `logs.${env.region}.amazonaws.com` });
    expect(logs.Condition.ArnLike['kms:EncryptionContext:aws:logs:arn']).toBe(
      `arn:aws:logs:${env.region}:${env.accountId}:log-group:*`,
    );
  });

  it('let no service use the other keys through their key policies', () => {
    for (const purpose of ['backup', 'database', 'eks_secrets']) {
      const policy = JSON.parse(stack().resources('aws_kms_key')[`keys_${purpose}_key`].policy);
      expect(policy.Statement.map((s: { Sid: string }) => s.Sid)).toEqual(['AccountAdministersKey']);
    }
  });

  it('give the EBS key the alias the StorageClass names it by (there was no EBS key: volumes used aws/ebs)', () => {
    expect(stack().resources('aws_kms_alias').keys_ebs_alias.name).toBe(`alias/ecolaura-${name}-ebs`);
    expect(ebsKmsKeyAlias(name)).toBe(`alias/ecolaura-${name}-ebs`);
  });

  it('let the EBS CSI driver role use the EBS key and grant it to EC2 only for AWS resources', () => {
    const key = stack().resources('aws_kms_key').keys_ebs_key;
    const principal = { AWS: irsaRoleArn(stack().environment, 'ebsCsi') };
    expect(statement(key.policy, 'EbsCsiDriverGrantEbsKeyToEc2')).toEqual({
      Sid: 'EbsCsiDriverGrantEbsKeyToEc2',
      Effect: 'Allow',
      Principal: principal,
      Action: ['kms:CreateGrant', 'kms:ListGrants', 'kms:RevokeGrant'],
      Resource: '*',
      Condition: { Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    });
    expect(statement(key.policy, 'EbsCsiDriverUseEbsKey')).toMatchObject({
      Principal: principal,
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
    });
    expect(key.depends_on).toEqual(['aws_iam_role.irsa_ebs_csi']);
  });
});
