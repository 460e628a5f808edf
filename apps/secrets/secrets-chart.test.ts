import { irsaRoleArn } from '../../environments';
import { ENVIRONMENT_ROWS, find } from '../lib/test-helpers';
import { externalSecretsRelease } from './external-secrets';

describe.each(ENVIRONMENT_ROWS)('the secrets chart of %s', (_name, env) => {
  it('reads AWS Secrets Manager in the environment region as the IRSA service account', () => {
    const store = find(env, 'ClusterSecretStore', 'aws-secrets-manager');
    expect(store.spec.provider.aws).toEqual({
      service: 'SecretsManager',
      region: env.region,
      auth: { jwt: { serviceAccountRef: { name: 'external-secrets', namespace: 'external-secrets' } } },
    });
  });

  it('annotates the operator service account with the external-secrets IRSA role', () => {
    const { values } = externalSecretsRelease(env);
    expect(values.serviceAccount.name).toBe('external-secrets');
    expect(values.serviceAccount.annotations['eks.amazonaws.com/role-arn']).toBe(irsaRoleArn(env, 'externalSecrets'));
  });
});
