import { ebsKmsKeyAliasArn, GDPR_KEYS } from '../../environments';
import { ENVIRONMENT_ROWS, find } from '../lib/test-helpers';
import { tagSpecifications } from './encrypted-storage-class';

describe.each(ENVIRONMENT_ROWS)('the encrypted StorageClass of %s', (_name, env) => {
  const parameters = () => find(env, 'StorageClass', 'encrypted-gp3').parameters as Record<string, string>;

  it('encrypts with the platform EBS key named by its alias ARN, not the account default aws/ebs key', () => {
    expect(parameters().encrypted).toBe('true');
    expect(parameters().kmsKeyId).toBe(ebsKmsKeyAliasArn(env));
    // The old class named no key (undefined), so EC2 fell back to the AWS-managed key.
    expect(parameters().kmsKeyId).toBe(`arn:aws:kms:${env.region}:${env.accountId}:alias/ecolaura-${env.name}-ebs`);
  });

  it('tags every volume with the GDPR tag set of the logs it may hold and its owner, through tagSpecification_N', () => {
    const tags = Object.fromEntries(
      Object.entries(parameters())
        .filter(([key]) => /^tagSpecification_\d+$/.test(key))
        .map(([, value]) => value.split(/=(.*)/s).slice(0, 2) as [string, string]),
    );
    expect(tags).toEqual({
      project: 'ecolaura',
      environment: env.name,
      owner: env.owner,
      'managed-by': 'ebs-csi-driver',
      [GDPR_KEYS.personalData]: 'true',
      [GDPR_KEYS.classification]: 'confidential',
      [GDPR_KEYS.retentionDays]: String(env.observability.logRetentionDays),
      [GDPR_KEYS.lawfulBasis]: 'legitimate-interests',
    });
  });
});

describe('tagSpecifications', () => {
  it('numbers the tags from 1 in key order as key=value', () => {
    expect(tagSpecifications({ b: '2', a: 'x=y' })).toEqual({ tagSpecification_1: 'a=x=y', tagSpecification_2: 'b=2' });
  });
});
