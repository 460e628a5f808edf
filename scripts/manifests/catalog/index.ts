import { VERSIONS } from '../../../environments/versions';
import { ARGO_CD, CERT_MANAGER, EXTERNAL_SECRETS, PROMETHEUS_OPERATOR } from './custom-resources';
import { KUBERNETES_1_35 } from './kubernetes-1-35';
import { hasSchema, type SchemaKindEntry, type SchemaSource } from './types';

export { KUBERNETES_1_35 } from './kubernetes-1-35';
export type { KindEntry, ModelClass, SchemaKindEntry, SchemaSource } from './types';

/**
 * The built-in API list of each Kubernetes minor this repository can check against. Moving the
 * cluster (`VERSIONS.kubernetes`) to a minor without a list here fails `validate:manifests` at
 * once, so the list is written with the upgrade instead of the old one being silently reused.
 */
export const BUILT_IN_APIS: Readonly<Record<string, SchemaSource>> = { '1.35': KUBERNETES_1_35 };

/** The built-in API list of a Kubernetes minor; throws naming the file to add when there is none. */
export function builtInApiFor(kubernetesVersion: string): SchemaSource {
  const source = BUILT_IN_APIS[kubernetesVersion];
  if (!source) {
    throw new Error(
      `validate:manifests: Kubernetes ${kubernetesVersion} (environments/versions.ts) has no built-in API list; ` +
        `add scripts/manifests/catalog/kubernetes-${kubernetesVersion.replace('.', '-')}.ts and register it in BUILT_IN_APIS ` +
        `(lists exist for ${Object.keys(BUILT_IN_APIS).join(', ')})`,
    );
  }
  return source;
}

/** The built-in kinds of the cluster the model runs (`VERSIONS.kubernetes`). */
export const KUBERNETES_API: SchemaSource = builtInApiFor(VERSIONS.kubernetes);

/** Every source of schemas, built-in Kubernetes first. */
export const SCHEMA_SOURCES: readonly SchemaSource[] = [
  KUBERNETES_API,
  ARGO_CD,
  PROMETHEUS_OPERATOR,
  CERT_MANAGER,
  EXTERNAL_SECRETS,
];

/** How an apiVersion/kind pair is checked. */
export type Lookup =
  /** A schema exists: validate with the model. */
  | { readonly status: 'schema'; readonly source: SchemaSource; readonly entry: SchemaKindEntry }
  /** The group belongs to a schema source, but this version/kind does not exist there: an error. */
  | { readonly status: 'unknown'; readonly source: SchemaSource; readonly hint: string }
  /** The pinned release of the group's operator stopped serving this apiVersion: an error. */
  | { readonly status: 'retired'; readonly source: SchemaSource; readonly reason: string; readonly hint: string }
  /**
   * A served kind without a schema, or a group no source covers (another operator's CRD, assumed
   * namespaced): structural check only.
   */
  | { readonly status: 'structural'; readonly namespaced: boolean };

/** `apps/v1` → `apps`; `v1` → `` (the core group). */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function lookupKind(apiVersion: string, kind: string): Lookup {
  const group = groupOf(apiVersion);
  const source = SCHEMA_SOURCES.find((candidate) => candidate.groups.includes(group));
  if (!source) return { status: 'structural', namespaced: true };
  const reason = source.retired?.[apiVersion];
  if (reason) return { status: 'retired', source, reason, hint: unknownHint(source, apiVersion, kind) };
  const entry = source.kinds[apiVersion]?.[kind];
  if (entry && hasSchema(entry)) return { status: 'schema', source, entry };
  if (entry) return { status: 'structural', namespaced: entry.namespaced };
  return { status: 'unknown', source, hint: unknownHint(source, apiVersion, kind) };
}

/** Says where the kind does exist, or what the apiVersion does serve, so a typo points at its fix. */
function unknownHint(source: SchemaSource, apiVersion: string, kind: string): string {
  const servedAs = Object.entries(source.kinds)
    .filter(([, kinds]) => kind in kinds)
    .map(([version]) => version);
  if (servedAs.length > 0) return `${kind} is served as ${servedAs.join(', ')}`;
  const kinds = source.kinds[apiVersion];
  if (kinds) return `${apiVersion} serves ${Object.keys(kinds).sort().join(', ')}`;
  const versions = Object.keys(source.kinds).filter((version) => groupOf(version) === groupOf(apiVersion));
  if (versions.length > 0) return `the group serves ${versions.join(', ')}`;
  return `the group ${groupOf(apiVersion)} has no kinds left in this release`;
}
