import type { IClusterSecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ClusterSecretStore';
import type { IExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret';
import type { IPassword } from '@kubernetes-models/external-secrets/generators.external-secrets.io/v1alpha1/Password';

/**
 * The API versions the pinned external-secrets chart (`VERSIONS.helmCharts.externalSecrets`)
 * serves. Since 0.17 the CRDs serve `external-secrets.io/v1` only (`v1beta1` is `served: false`
 * unless the chart's `crds.unsafeServeV1Beta1` is switched on, which we do not); the Password
 * generator is still `generators.external-secrets.io/v1alpha1`, its only version.
 * Read in config/crds/bases of https://github.com/external-secrets/external-secrets/tree/helm-chart-2.9.0
 */
export const EXTERNAL_SECRETS_API = 'external-secrets.io/v1';
export const GENERATORS_API = 'generators.external-secrets.io/v1alpha1';

/**
 * `@kubernetes-models/external-secrets` 0.5.x has interfaces for `v1beta1` only (the 2.x line
 * that adds `v1` needs Node 22). The v1 spec of ExternalSecret and ClusterSecretStore keeps every
 * field these charts set, with the same names and types (the synthesized objects were checked
 * against the v1 CRD schemas of chart 2.9.0 with unknown properties refused), so the v1beta1
 * interfaces type the spec and only the apiVersion is replaced.
 */
export type ExternalSecretV1 = Omit<IExternalSecret, 'apiVersion'> & {
  readonly apiVersion: typeof EXTERNAL_SECRETS_API;
};
export type ClusterSecretStoreV1 = Omit<IClusterSecretStore, 'apiVersion'> & {
  readonly apiVersion: typeof EXTERNAL_SECRETS_API;
};
export type PasswordGenerator = IPassword & { readonly apiVersion: typeof GENERATORS_API };
