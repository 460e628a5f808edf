/**
 * A `kubernetes-models` class. Its constructor takes the object and `validate()` throws an Ajv
 * `ValidationError` (with `errors`) when the object breaks the schema. The parameter is typed
 * `never` so every generated model class is assignable without a cast per entry.
 */
export type ModelClass = new (data: never) => { validate(): void };

/** One kind of one apiVersion the API serves. */
export interface KindEntry {
  /** Whether objects of this kind live in a namespace (cluster-scoped kinds must not set one). */
  readonly namespaced: boolean;
  /**
   * Imports the model on first use: each model pulls in its compiled schema, and loading every
   * schema up front costs seconds, so only the kinds a tree actually holds are loaded. Absent
   * when the API serves the kind but no models package has its schema: such objects get the
   * structural check only, and the output names each of them.
   */
  readonly load?: () => Promise<ModelClass>;
}

/** A kind whose schema a models package has. */
export type SchemaKindEntry = KindEntry & { readonly load: () => Promise<ModelClass> };

export function hasSchema(entry: KindEntry): entry is SchemaKindEntry {
  return entry.load !== undefined;
}

/** Kinds by apiVersion (`apps/v1`, `v1`) and then by kind. */
export type KindTable = Readonly<Record<string, Readonly<Record<string, KindEntry>>>>;

/** A set of kinds and the package whose schemas they validate against. */
export interface SchemaSource {
  /** What the kinds are the API of, for messages, e.g. `Kubernetes 1.35` or `Argo CD`. */
  readonly api: string;
  /** npm package and version, for messages and the summary, e.g. `@kubernetes-models/argo-cd 2.7.2`. */
  readonly package: string;
  /** API groups this source owns: an apiVersion/kind of these groups missing from `kinds` is an error. */
  readonly groups: readonly string[];
  readonly kinds: KindTable;
  /**
   * apiVersions of these groups the pinned release no longer serves, each with the reason, e.g.
   * `no longer served by the pinned external-secrets 2.10.0`. Objects written in one are errors
   * even when the models package still has their schema.
   */
  readonly retired?: Readonly<Record<string, string>>;
}

export function namespaced(load: () => Promise<ModelClass>): KindEntry {
  return { namespaced: true, load };
}

export function clusterScoped(load: () => Promise<ModelClass>): KindEntry {
  return { namespaced: false, load };
}

/** A kind the API serves without a schema in any models package: structural check only. */
export function structuralOnly(scope: 'namespaced' | 'cluster'): KindEntry {
  return { namespaced: scope === 'namespaced' };
}
