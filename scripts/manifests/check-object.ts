import { groupOf, KUBERNETES_API, lookupKind, type ModelClass, type SchemaKindEntry } from './catalog';
import type { LoadedObject } from './load';
import { fieldAt, objectProblem, type Problem, stringAt } from './problem';
import { schemaProblems } from './schema-errors';

/**
 * How an object was checked. `schema`: against a generated schema (or refused because its
 * apiVersion/kind has none where one must exist); `structural`: a custom resource of an operator
 * without a models package, checked for shape only.
 */
export type CheckDepth = 'schema' | 'structural';

export interface ObjectCheck {
  readonly depth: CheckDepth;
  /**
   * Whether the object lives in a namespace; custom kinds of unknown operators are assumed to.
   * Undefined when the apiVersion/kind is missing or unknown (already a problem of its own), so
   * that checks depending on the scope do not pile guesses on top.
   */
  readonly namespaced: boolean | undefined;
  readonly problems: readonly Problem[];
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const VERSION = /^v[1-9][0-9]*((alpha|beta)[1-9][0-9]*)?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

/** Kinds whose names follow a rule other than DNS-1123 subdomain (apimachinery's ValidateObjectMeta callers). */
const NAME_RULES: Readonly<Record<string, 'label' | 'dns1035' | 'path-segment'>> = {
  Namespace: 'label',
  Service: 'dns1035',
  // RBAC names may hold `:` (system:controller:…): only `/`, `%`, `.` and `..` are refused.
  Role: 'path-segment',
  ClusterRole: 'path-segment',
  RoleBinding: 'path-segment',
  ClusterRoleBinding: 'path-segment',
};

const models = new Map<SchemaKindEntry, Promise<ModelClass>>();

/** Validates one object: its identity and metadata always, then its schema or its structure. */
export async function checkObject(object: LoadedObject): Promise<ObjectCheck> {
  const { value } = object;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const problem = objectProblem(object, [], 'is not a mapping: every YAML document must be one Kubernetes object');
    return { depth: 'schema', namespaced: undefined, problems: [problem] };
  }
  const apiVersion = stringAt(value, ['apiVersion']);
  const kind = stringAt(value, ['kind']);
  if (!apiVersion || !kind) {
    const problems = [
      ...(apiVersion ? [] : [objectProblem(object, ['apiVersion'], 'is required (e.g. apps/v1)')]),
      ...(kind ? [] : [objectProblem(object, ['kind'], 'is required (e.g. Deployment)')]),
    ];
    return { depth: 'schema', namespaced: undefined, problems };
  }

  const found = lookupKind(apiVersion, kind);
  if (found.status === 'unknown') {
    const { api, package: models } = found.source;
    const verdict = found.source === KUBERNETES_API ? `is not a ${api} API` : `has no schema in ${models}`;
    const message = `${apiVersion} ${kind} ${verdict}: ${found.hint}`;
    return { depth: 'schema', namespaced: undefined, problems: [objectProblem(object, ['apiVersion'], message)] };
  }
  if (found.status === 'retired') {
    const message = `${apiVersion} ${kind} is ${found.reason}: ${found.hint}`;
    return { depth: 'schema', namespaced: undefined, problems: [objectProblem(object, ['apiVersion'], message)] };
  }
  if (found.status === 'structural') {
    const { namespaced } = found;
    const problems = [
      ...metadataProblems(object, kind, namespaced),
      ...structuralProblems(object, apiVersion, kind, namespaced),
    ];
    return { depth: 'structural', namespaced, problems };
  }
  const { entry, source } = found;
  const problems = [...metadataProblems(object, kind, entry.namespaced)];
  const Model = await loadModel(entry);
  try {
    new Model(value as never).validate();
  } catch (error) {
    problems.push(...schemaProblems(object, error, source.package));
  }
  return { depth: 'schema', namespaced: entry.namespaced, problems };
}

function loadModel(entry: SchemaKindEntry): Promise<ModelClass> {
  let model = models.get(entry);
  if (!model) {
    model = entry.load();
    models.set(entry, model);
  }
  return model;
}

/**
 * What the API server checks in ObjectMeta before any schema: the name's format for the kind,
 * and that namespaces appear exactly where the kind has one. The generated schemas type these
 * fields as plain strings, so they would pass `Name: Backend_API` otherwise.
 */
function metadataProblems(object: LoadedObject, kind: string, namespaced: boolean): Problem[] {
  const metadata = fieldAt(object.value, ['metadata']);
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    return [objectProblem(object, ['metadata'], 'must be a mapping holding at least metadata.name')];
  }
  const problems: Problem[] = [];
  const name = fieldAt(metadata, ['name']);
  if (typeof name !== 'string' || name === '') {
    problems.push(objectProblem(object, ['metadata', 'name'], 'is required'));
  } else {
    const nameError = nameRuleViolation(kind, name);
    if (nameError) problems.push(objectProblem(object, ['metadata', 'name'], nameError));
  }
  const namespace = fieldAt(metadata, ['namespace']);
  if (namespace !== undefined) {
    if (!namespaced) {
      problems.push(objectProblem(object, ['metadata', 'namespace'], `must be omitted: ${kind} is cluster-scoped`));
    } else if (typeof namespace !== 'string' || !DNS1123_LABEL.test(namespace) || namespace.length > 63) {
      problems.push(
        objectProblem(object, ['metadata', 'namespace'], `${JSON.stringify(namespace)} is not a DNS-1123 label`),
      );
    }
  }
  return problems;
}

function nameRuleViolation(kind: string, name: string): string | undefined {
  const quoted = JSON.stringify(name);
  switch (NAME_RULES[kind]) {
    case 'label':
      return DNS1123_LABEL.test(name) && name.length <= 63
        ? undefined
        : `${quoted} is not a DNS-1123 label (lowercase letters, digits and "-", at most 63)`;
    case 'dns1035':
      return DNS1035_LABEL.test(name) && name.length <= 63
        ? undefined
        : `${quoted} is not a DNS-1035 label (starts with a letter; lowercase letters, digits and "-", at most 63)`;
    case 'path-segment':
      return name === '.' || name === '..' || /[/%]/.test(name)
        ? `${quoted} cannot be "." or ".." or contain "/" or "%"`
        : undefined;
    default:
      return DNS1123_SUBDOMAIN.test(name) && name.length <= 253
        ? undefined
        : `${quoted} is not a DNS-1123 subdomain (lowercase letters, digits, "-" and ".", at most 253)`;
  }
}

/**
 * The shape any custom resource must have: a `group/version` apiVersion whose group is a domain
 * (CRD groups must contain a dot), a CamelCase kind, a namespace when the kind is namespaced
 * (every kind of the operators we run without a catalog entry, ECK's included, is) and a `spec`
 * mapping.
 */
function structuralProblems(object: LoadedObject, apiVersion: string, kind: string, namespaced: boolean): Problem[] {
  const problems: Problem[] = [];
  const group = groupOf(apiVersion);
  const version = apiVersion.slice(group.length + 1);
  if (!group.includes('.') || !DNS1123_SUBDOMAIN.test(group) || !VERSION.test(version)) {
    problems.push(
      objectProblem(
        object,
        ['apiVersion'],
        `${JSON.stringify(apiVersion)} is not <group>/<version> with a domain group and a version like v1 or v1beta1`,
      ),
    );
  }
  if (!KIND.test(kind)) {
    problems.push(objectProblem(object, ['kind'], `${JSON.stringify(kind)} is not a CamelCase kind`));
  }
  if (namespaced && stringAt(object.value, ['metadata', 'namespace']) === undefined) {
    problems.push(objectProblem(object, ['metadata', 'namespace'], `is required: ${kind} is a namespaced resource`));
  }
  const spec = fieldAt(object.value, ['spec']);
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    problems.push(objectProblem(object, ['spec'], 'must be a mapping'));
  }
  return problems;
}
