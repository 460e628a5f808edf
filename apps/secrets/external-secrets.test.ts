import { VERSIONS } from '../../environments';
import type { KubeObject } from '../lib/manifest-files';
import { ENVIRONMENT_ROWS, find, objectsOf } from '../lib/test-helpers';
import { externalSecretsRelease } from './external-secrets';

/** Every `apiVersion` an object names, its own and nested ones such as `generatorRef.apiVersion`. */
function apiVersionsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(apiVersionsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === 'apiVersion' && typeof child === 'string' ? [child] : apiVersionsIn(child),
  );
}

/** The objects naming an external-secrets API the pinned chart no longer serves. */
function retiredExternalSecretsUses(objects: readonly KubeObject[]): string[] {
  return objects
    .filter((object) => apiVersionsIn(object).includes('external-secrets.io/v1beta1'))
    .map((object) => `${object.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name}`);
}

describe('the external-secrets release', () => {
  it('pins chart 2.10.0, a 2.x release serving external-secrets.io/v1, not the unsupported 0.10.4', () => {
    expect(VERSIONS.helmCharts.externalSecrets).toEqual({
      repoURL: 'https://charts.external-secrets.io',
      chart: 'external-secrets',
      version: '2.10.0',
    });
    expect(VERSIONS.helmCharts.externalSecrets.version).not.toBe('0.10.4');
  });

  it('finds an object still written in v1beta1, nested references included (the counter-example)', () => {
    const old = {
      apiVersion: 'external-secrets.io/v1beta1',
      kind: 'ExternalSecret',
      metadata: { name: 'grafana-admin', namespace: 'monitoring' },
    } as KubeObject;
    const nested = {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'x', namespace: 'monitoring' },
      spec: { dataFrom: [{ sourceRef: { storeRef: { apiVersion: 'external-secrets.io/v1beta1' } } }] },
    } as unknown as KubeObject;
    expect(retiredExternalSecretsUses([old, nested])).toEqual([
      'ExternalSecret monitoring/grafana-admin',
      'ExternalSecret monitoring/x',
    ]);
  });
});

describe.each(ENVIRONMENT_ROWS)('the external-secrets objects of %s', (_name, env) => {
  it('name no external-secrets.io/v1beta1 anywhere', () => {
    expect(retiredExternalSecretsUses(objectsOf(env))).toEqual([]);
  });

  it('are written in external-secrets.io/v1, and the Password generators in generators v1alpha1', () => {
    const versions = objectsOf(env).flatMap((object) => apiVersionsIn(object));
    const external = [...new Set(versions.filter((v) => v.startsWith('external-secrets.io/')))];
    const generators = [...new Set(versions.filter((v) => v.startsWith('generators.external-secrets.io/')))];
    expect(external).toEqual(['external-secrets.io/v1']);
    expect(generators).toEqual(['generators.external-secrets.io/v1alpha1']);
    expect(find(env, 'ClusterSecretStore', 'aws-secrets-manager').apiVersion).toBe('external-secrets.io/v1');
  });

  it('are installed by an Argo CD Application tracking the pinned chart version', () => {
    const application = find(env, 'Application', 'external-secrets');
    expect(application.spec.source).toMatchObject({
      repoURL: VERSIONS.helmCharts.externalSecrets.repoURL,
      chart: 'external-secrets',
      targetRevision: VERSIONS.helmCharts.externalSecrets.version,
    });
  });

  it('set the security contexts under the keys the chart reads for each of its three workloads', () => {
    const { values, podSecurity } = externalSecretsRelease(env);
    expect(podSecurity.map((review) => [review.podSecurityContexts, review.containerSecurityContexts])).toEqual([
      [['podSecurityContext'], ['securityContext']],
      [['webhook.podSecurityContext'], ['webhook.securityContext']],
      [['certController.podSecurityContext'], ['certController.securityContext']],
    ]);
    for (const component of [values, values.webhook, values.certController]) {
      expect(component.podSecurityContext).toMatchObject({
        runAsNonRoot: true,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(component.securityContext).toMatchObject({
        allowPrivilegeEscalation: false,
        capabilities: { drop: ['ALL'] },
        readOnlyRootFilesystem: true,
        runAsNonRoot: true,
      });
    }
  });
});
