import { DATA_PROFILES, environment, GDPR_KEYS } from '../../environments';
import { synthesizeConstruct } from '../testing/synthesized-stack';
import { EncryptedLogGroup } from './encrypted-log-group';

const dev = environment('dev');

it('creates an encrypted group with the retention and GDPR tags asked for', () => {
  const stack = synthesizeConstruct(dev, (scope) => {
    new EncryptedLogGroup(scope, 'logs', {
      name: '/ecolaura/test',
      retentionDays: 30,
      kmsKeyArn: 'arn:aws:kms:eu-west-1:210000000001:key/test',
      profile: DATA_PROFILES.operationalLogs,
    });
  });
  const group = stack.only('aws_cloudwatch_log_group');
  expect(group).toMatchObject({
    name: '/ecolaura/test',
    retention_in_days: 30,
    kms_key_id: 'arn:aws:kms:eu-west-1:210000000001:key/test',
  });
  expect(group.tags[GDPR_KEYS.lawfulBasis]).toBe('legitimate-interests');
});

it('refuses a retention longer than the GDPR profile of the logs allows', () => {
  expect(() =>
    synthesizeConstruct(dev, (scope) => {
      new EncryptedLogGroup(scope, 'logs', {
        name: '/ecolaura/too-long',
        retentionDays: 365,
        kmsKeyArn: 'arn:aws:kms:eu-west-1:210000000001:key/test',
        profile: DATA_PROFILES.operationalLogs,
      });
    }),
  ).toThrow('log group /ecolaura/too-long: retention of 365 days exceeds the 90 days its GDPR profile allows');
});

it('lets logs without personal data be kept as long as needed', () => {
  expect(() =>
    synthesizeConstruct(dev, (scope) => {
      new EncryptedLogGroup(scope, 'logs', {
        name: '/ecolaura/metrics',
        retentionDays: 365,
        kmsKeyArn: 'arn:aws:kms:eu-west-1:210000000001:key/test',
        profile: DATA_PROFILES.metrics,
      });
    }),
  ).not.toThrow();
});
