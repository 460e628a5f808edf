import { VERSIONS } from '../../../environments/versions';
import { BUILT_IN_APIS, builtInApiFor, KUBERNETES_API, lookupKind, SCHEMA_SOURCES } from '.';
import { hasSchema } from './types';

describe('the schema catalog', () => {
  const entries = SCHEMA_SOURCES.flatMap((source) =>
    Object.entries(source.kinds).flatMap(([apiVersion, kinds]) =>
      Object.entries(kinds).map(([kind, entry]) => ({ source: source.package, apiVersion, kind, entry })),
    ),
  );

  const withSchema = entries.flatMap(({ entry, ...item }) => (hasSchema(entry) ? [{ ...item, entry }] : []));

  it.each(withSchema.map((item) => [`${item.apiVersion} ${item.kind}`, item] as const))(
    'loads the model of %s, whose own apiVersion and kind match its key',
    async (_label, { apiVersion, kind, entry }) => {
      const model = (await entry.load()) as unknown as { apiVersion: string; kind: string };
      expect([model.apiVersion, model.kind]).toEqual([apiVersion, kind]);
    },
  );

  it('keeps every apiVersion inside the groups its source claims', () => {
    for (const source of SCHEMA_SOURCES) {
      for (const apiVersion of Object.keys(source.kinds)) {
        const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
        expect(source.groups).toContain(group);
      }
    }
  });

  it('claims each group for one source only', () => {
    const groups = SCHEMA_SOURCES.flatMap((source) => source.groups);
    expect(new Set(groups).size).toBe(groups.length);
  });

  it('tells schema-checked, unknown and structural-only kinds apart', () => {
    expect(lookupKind('apps/v1', 'Deployment').status).toBe('schema');
    expect(lookupKind('apps/v2', 'Deployment').status).toBe('unknown');
    expect(lookupKind('v1', 'Deploymnet').status).toBe('unknown');
    expect(lookupKind('cert-manager.io/v1alpha2', 'Certificate').status).toBe('unknown');
    expect(lookupKind('kibana.k8s.elastic.co/v1', 'Kibana').status).toBe('structural');
  });
});

describe('the external-secrets API of the pinned chart', () => {
  it('knows external-secrets.io/v1 with each kind scoped as its CRD is, validated structurally', () => {
    expect(lookupKind('external-secrets.io/v1', 'ExternalSecret')).toEqual({ status: 'structural', namespaced: true });
    expect(lookupKind('external-secrets.io/v1', 'SecretStore')).toEqual({ status: 'structural', namespaced: true });
    expect(lookupKind('external-secrets.io/v1', 'ClusterSecretStore')).toEqual({
      status: 'structural',
      namespaced: false,
    });
    expect(lookupKind('external-secrets.io/v1', 'ClusterExternalSecret')).toEqual({
      status: 'structural',
      namespaced: false,
    });
  });

  it('retires v1beta1, which the package still has schemas for, naming the version that replaces it', () => {
    const found = lookupKind('external-secrets.io/v1beta1', 'ClusterSecretStore');
    expect(found).toMatchObject({
      status: 'retired',
      reason: expect.stringContaining(
        `no longer served by the pinned external-secrets ${VERSIONS.helmCharts.externalSecrets.version}`,
      ),
      hint: 'ClusterSecretStore is served as external-secrets.io/v1',
    });
  });

  it('still validates the Password generator with its v1alpha1 schema and refuses a v1 that does not exist', () => {
    expect(lookupKind('generators.external-secrets.io/v1alpha1', 'Password').status).toBe('schema');
    expect(lookupKind('external-secrets.io/v1', 'Password').status).toBe('unknown');
  });
});

describe('the built-in API list', () => {
  it('is the one of the Kubernetes minor the model runs, 1.35, not the 1.28 list it replaced', () => {
    expect(VERSIONS.kubernetes).toBe('1.35');
    expect(KUBERNETES_API).toBe(BUILT_IN_APIS[VERSIONS.kubernetes]);
    expect(KUBERNETES_API.api).toBe('Kubernetes 1.35');
    expect(SCHEMA_SOURCES[0]).toBe(KUBERNETES_API);
  });

  it('serves flowcontrol v1 and no longer the betas 1.28 served', () => {
    expect(lookupKind('flowcontrol.apiserver.k8s.io/v1', 'FlowSchema').status).toBe('schema');
    expect(lookupKind('flowcontrol.apiserver.k8s.io/v1beta2', 'FlowSchema').status).toBe('unknown');
    expect(lookupKind('flowcontrol.apiserver.k8s.io/v1beta3', 'FlowSchema').status).toBe('unknown');
  });

  it('refuses a Kubernetes minor without a list, naming the file to add', () => {
    expect(() => builtInApiFor('1.28')).toThrow(
      'Kubernetes 1.28 (environments/versions.ts) has no built-in API list; add scripts/manifests/catalog/kubernetes-1-28.ts',
    );
  });
});
