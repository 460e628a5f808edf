import type { KubeObject } from '../lib/manifest-files';
import { secretStoreConsumerNamespaces } from './secret-store-consumers';

const externalSecret = (
  namespace: string | undefined,
  store = { kind: 'ClusterSecretStore', name: 'aws-secrets-manager' },
) =>
  ({
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: 'grafana-admin', ...(namespace ? { namespace } : {}) },
    spec: { secretStoreRef: store },
  }) as KubeObject;

describe('secretStoreConsumerNamespaces', () => {
  it('lists each namespace holding an ExternalSecret of the store once, sorted', () => {
    expect(
      secretStoreConsumerNamespaces([
        externalSecret('monitoring'),
        externalSecret('ecolaura'),
        externalSecret('ecolaura'),
      ]),
    ).toEqual(['ecolaura', 'monitoring']);
  });

  it('ignores ExternalSecrets of another store and objects of other kinds', () => {
    const config = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'logging' } } as KubeObject;
    expect(
      secretStoreConsumerNamespaces([externalSecret('logging', { kind: 'SecretStore', name: 'local' }), config]),
    ).toEqual([]);
  });

  it('refuses an ExternalSecret without a namespace, naming it and the fix', () => {
    expect(() => secretStoreConsumerNamespaces([externalSecret(undefined)])).toThrow(
      /ExternalSecret grafana-admin: metadata.namespace is missing; set it/,
    );
  });
});
