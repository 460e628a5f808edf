/**
 * A `kubernetes-models` class. Its constructor takes the object and `validate()` throws an Ajv
 * `ValidationError` (with `errors`) when the object breaks the schema. The parameter is typed
 * `never` so every generated model class is assignable without a cast per entry.
 */
export type ModelClass = new (data: never) => { validate(): void };

/** One kind of one apiVersion that has a generated schema. */
export interface KindEntry {
  /** Whether objects of this kind live in a namespace (cluster-scoped kinds must not set one). */
  readonly namespaced: boolean;
  /**
   * Imports the model on first use: each model pulls in its compiled schema, and loading every
   * schema up front costs seconds, so only the kinds a tree actually holds are loaded.
   */
  readonly load: () => Promise<ModelClass>;
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
}

export function namespaced(load: () => Promise<ModelClass>): KindEntry {
  return { namespaced: true, load };
}

export function clusterScoped(load: () => Promise<ModelClass>): KindEntry {
  return { namespaced: false, load };
}
