import { App } from 'cdk8s';
import { irsaRoleArn } from '../../environments';
import { ENVIRONMENT_ROWS, type Found, find, objectsOf } from '../lib/test-helpers';
import { externalSecretsRelease } from './external-secrets';
import { SecretsChart } from './secrets-chart';

describe.each(ENVIRONMENT_ROWS)('the secrets chart of %s', (_name, env) => {
  it('reads AWS Secrets Manager in the environment region as the IRSA service account', () => {
    const store = find(env, 'ClusterSecretStore', 'aws-secrets-manager');
    expect(store.spec.provider.aws).toEqual({
      service: 'SecretsManager',
      region: env.region,
      auth: { jwt: { serviceAccountRef: { name: 'external-secrets', namespace: 'external-secrets' } } },
    });
  });

  it('serves only the namespaces whose ExternalSecrets read it, not every namespace', () => {
    const store = find(env, 'ClusterSecretStore', 'aws-secrets-manager');
    const readers = objectsOf(env)
      .filter((o) => o.kind === 'ExternalSecret' && (o as Found).spec.secretStoreRef?.name === 'aws-secrets-manager')
      .map((o) => o.metadata.namespace as string);
    expect(store.spec.conditions).toEqual([{ namespaces: [...new Set(readers)].sort() }]);
    expect(store.spec.conditions[0].namespaces).toContain('ecolaura');
    // The old store had no conditions, which external-secrets reads as "any namespace".
    expect(store.spec.conditions).not.toBeUndefined();
    expect(store.spec.conditions[0].namespaces).not.toContain('default');
  });

  it('annotates the operator service account with the external-secrets IRSA role', () => {
    const { values } = externalSecretsRelease(env);
    expect(values.serviceAccount.name).toBe('external-secrets');
    expect(values.serviceAccount.annotations['eks.amazonaws.com/role-arn']).toBe(irsaRoleArn(env, 'externalSecrets'));
  });
});

describe('a secrets chart without any reader', () => {
  it('is refused, naming the store and the fix, rather than written without conditions', () => {
    const [, env] = ENVIRONMENT_ROWS[0] ?? [];
    if (!env) throw new Error('no environment in the model');
    expect(() => new SecretsChart(new App(), 'secrets', { env, consumerNamespaces: [] })).toThrow(
      /ClusterSecretStore aws-secrets-manager \(dev\): consumerNamespaces is empty.*declare the ExternalSecret/,
    );
  });
});
