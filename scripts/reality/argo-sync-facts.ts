/**
 * `facts.argoSync` on every Argo CD Application: what Argo CD will check when it syncs, read
 * from the manifests alone. Its AppProject's verdict on the source repositories, the destination
 * and every kind the Application creates (folder apps: the objects in the folder; chart apps:
 * chart-kinds.ts); where each custom resource's CRD comes from and in which wave; where each
 * namespace comes from; whether each ignoreDifferences path exists. The project matching reuses
 * validate:manifests' Argo CD semantics (scripts/manifests/argo.ts); policies ECO-SUP-040..044
 * judge the facts. https://argo-cd.readthedocs.io/en/stable/user-guide/projects/
 */

import type { PolicyResource } from '../gate/types';
import { allowsDestination, allowsKind, allowsRepo, type ProjectRules, projectRules } from '../manifests/argo';
import { groupOf, KUBERNETES_API, lookupKind } from '../manifests/catalog';
import {
  type ApplicationView,
  applicationsSyncing,
  byGroup,
  isApplication,
  readApplication,
  waveOf,
} from './applications';
import { BOOTSTRAP_GROUPS, BOOTSTRAP_NAMESPACES, CHART_KINDS } from './chart-kinds';
import { type IgnoredPath, ignoredPaths } from './ignore-differences';

export interface KindVerdict {
  readonly group: string;
  readonly kind: string;
  readonly namespaced: boolean;
  /** The object (`Kind/ns/name` and file) for folder apps; `chart <name>` for chart apps. */
  readonly object: string;
  readonly allowed: boolean;
}

export interface CustomResourceOrigin {
  readonly object: string;
  readonly group: string;
  readonly kind: string;
  /** The Application installing its CRD; `bootstrap` for Argo CD's own; null when none does. */
  readonly installedBy: string | null;
  /** That Application's wave; null for bootstrap or none. */
  readonly installedWave: number | null;
}

export interface NamespaceOrigin {
  readonly object: string;
  readonly namespace: string;
  /** `Namespace object in <app>`, `CreateNamespace=true`, `bootstrap`, or null when nothing creates it. */
  readonly createdBy: string | null;
  /** The wave it exists from, relative to this Application: `earlier`, `same-sync`, or `later`. */
  readonly order: 'earlier' | 'same-sync' | 'later' | null;
}

export interface ArgoSyncFacts {
  readonly wave: number;
  readonly project: string | null;
  readonly projectDefined: boolean;
  readonly repos: readonly { readonly url: string; readonly allowed: boolean }[];
  readonly destination: { readonly namespace: string; readonly allowed: boolean };
  readonly kinds: readonly KindVerdict[];
  /** Chart apps whose chart chart-kinds.ts does not record: their kinds cannot be judged. */
  readonly unrecordedChart: string | null;
  readonly customResources: readonly CustomResourceOrigin[];
  readonly namespaces: readonly NamespaceOrigin[];
  readonly ignoreDifferences: readonly IgnoredPath[];
}

const BUILT_IN_GROUPS = new Set(KUBERNETES_API.groups);

function isNamespaced(resource: PolicyResource): boolean {
  const lookup = lookupKind(resource.apiVersion ?? '', resource.type);
  if (lookup.status === 'schema') return lookup.entry.namespaced;
  if (lookup.status === 'structural') return lookup.namespaced;
  return resource.namespace !== null;
}

function describe(resource: PolicyResource): string {
  return `${resource.address} (${resource.file}:${resource.line})`;
}

/** validate:manifests' project reader takes its loaded-object shape; a resource carries the same. */
function rulesOf(project: PolicyResource): ProjectRules {
  return projectRules({ file: project.file, line: project.line, value: project.values, lineOf: () => project.line });
}

interface GroupIndex {
  readonly applications: readonly ApplicationView[];
  readonly projects: ReadonlyMap<string, ProjectRules>;
  /** Objects of each Application's folders. */
  readonly synced: ReadonlyMap<ApplicationView, readonly PolicyResource[]>;
}

function indexGroup(group: readonly PolicyResource[]): GroupIndex {
  const applications = group.filter(isApplication).map(readApplication);
  const projects = new Map<string, ProjectRules>();
  for (const resource of group) {
    if (resource.type === 'AppProject' && groupOf(resource.apiVersion ?? '') === 'argoproj.io') {
      projects.set(resource.name, rulesOf(resource));
    }
  }
  const synced = new Map<ApplicationView, PolicyResource[]>(applications.map((a) => [a, []]));
  for (const resource of group) {
    for (const owner of applicationsSyncing(applications, resource.file)) synced.get(owner)?.push(resource);
  }
  return { applications, projects, synced };
}

function kindVerdicts(
  application: ApplicationView,
  project: ProjectRules | undefined,
  objects: readonly PolicyResource[],
): KindVerdict[] {
  const judged: Omit<KindVerdict, 'allowed'>[] = objects.map((resource) => ({
    group: groupOf(resource.apiVersion ?? ''),
    kind: resource.type,
    namespaced: isNamespaced(resource),
    object: describe(resource),
  }));
  for (const source of application.sources) {
    const chart = source.chart === undefined ? undefined : CHART_KINDS[source.chart];
    if (!chart) continue;
    const object = `chart ${source.chart}@${source.targetRevision ?? '?'}`;
    judged.push(...chart.clusterKinds.map((gk) => ({ ...gk, namespaced: false, object })));
    judged.push(...chart.namespacedKinds.map((gk) => ({ ...gk, namespaced: true, object })));
  }
  return judged.map((verdict) => ({
    ...verdict,
    allowed: project !== undefined && allowsKind(project, verdict, verdict.namespaced),
  }));
}

/** Which Application installs each custom resource group/kind, with its wave. */
function crdInstallers(index: GroupIndex): Map<string, { name: string; wave: number }> {
  const installers = new Map<string, { name: string; wave: number }>();
  const record = (group: string, kind: string, name: string, wave: number) => {
    const key = `${group}/${kind}`;
    const known = installers.get(key);
    if (!known || wave < known.wave) installers.set(key, { name, wave });
  };
  for (const application of index.applications) {
    for (const source of application.sources) {
      const chart = source.chart === undefined ? undefined : CHART_KINDS[source.chart];
      for (const crd of chart?.crds ?? []) record(crd.group, crd.kind, application.name, application.wave);
    }
    for (const resource of index.synced.get(application) ?? []) {
      if (resource.type !== 'CustomResourceDefinition') continue;
      const spec = resource.values.spec as { group?: unknown; names?: { kind?: unknown } } | undefined;
      if (typeof spec?.group === 'string' && typeof spec.names?.kind === 'string') {
        record(spec.group, spec.names.kind, application.name, application.wave);
      }
    }
  }
  return installers;
}

function customResourceOrigins(
  objects: readonly PolicyResource[],
  installers: ReadonlyMap<string, { name: string; wave: number }>,
): CustomResourceOrigin[] {
  return objects
    .filter((resource) => !BUILT_IN_GROUPS.has(groupOf(resource.apiVersion ?? '')))
    .map((resource) => {
      const group = groupOf(resource.apiVersion ?? '');
      const installer = installers.get(`${group}/${resource.type}`);
      const bootstrap = BOOTSTRAP_GROUPS.includes(group);
      return {
        object: describe(resource),
        group,
        kind: resource.type,
        installedBy: bootstrap ? 'bootstrap' : (installer?.name ?? null),
        installedWave: bootstrap ? null : (installer?.wave ?? null),
      };
    });
}

/** Where each namespace of the group comes from: a Namespace object's Application and wave. */
function namespaceCreators(index: GroupIndex): Map<string, { application: ApplicationView; wave: number }> {
  const creators = new Map<string, { application: ApplicationView; wave: number }>();
  for (const application of index.applications) {
    for (const resource of index.synced.get(application) ?? []) {
      if (resource.type === 'Namespace' && resource.apiVersion === 'v1') {
        creators.set(resource.name, { application, wave: waveOf(resource) });
      }
    }
  }
  return creators;
}

function namespaceOrigin(
  application: ApplicationView,
  namespace: string,
  object: string,
  objectWave: number,
  creators: ReadonlyMap<string, { application: ApplicationView; wave: number }>,
): NamespaceOrigin {
  if (BOOTSTRAP_NAMESPACES.includes(namespace)) return { object, namespace, createdBy: 'bootstrap', order: 'earlier' };
  const creator = creators.get(namespace);
  if (creator) {
    const order =
      creator.application === application
        ? creator.wave <= objectWave
          ? 'same-sync'
          : 'later'
        : creator.application.wave < application.wave
          ? 'earlier'
          : 'later';
    return { object, namespace, createdBy: `Namespace object in Application ${creator.application.name}`, order };
  }
  if (application.destination.namespace === namespace && application.syncOptions.includes('CreateNamespace=true')) {
    return { object, namespace, createdBy: 'CreateNamespace=true', order: 'same-sync' };
  }
  return { object, namespace, createdBy: null, order: null };
}

function namespaceOrigins(
  application: ApplicationView,
  objects: readonly PolicyResource[],
  creators: ReadonlyMap<string, { application: ApplicationView; wave: number }>,
): NamespaceOrigin[] {
  const destination = application.destination.namespace;
  const origins: NamespaceOrigin[] = [];
  if (destination && application.sources.some((source) => source.chart !== undefined)) {
    origins.push(
      namespaceOrigin(application, destination, `${application.resource.address} spec.destination`, 0, creators),
    );
  }
  for (const resource of objects) {
    if (!isNamespaced(resource)) continue;
    const namespace = resource.namespace ?? destination ?? 'default';
    origins.push(namespaceOrigin(application, namespace, describe(resource), waveOf(resource), creators));
  }
  return origins;
}

function factsOf(
  application: ApplicationView,
  index: GroupIndex,
  installers: ReturnType<typeof crdInstallers>,
  creators: ReturnType<typeof namespaceCreators>,
): ArgoSyncFacts {
  const project = application.project === undefined ? undefined : index.projects.get(application.project);
  const objects = index.synced.get(application) ?? [];
  const namespace = application.destination.namespace ?? '';
  const chart = application.sources.find((source) => source.chart !== undefined && !CHART_KINDS[source.chart]);
  return {
    wave: application.wave,
    project: application.project ?? null,
    projectDefined: project !== undefined,
    repos: application.sources
      .filter((source) => source.repoURL !== undefined)
      .map((source) => ({
        url: source.repoURL ?? '',
        allowed: project !== undefined && allowsRepo(project, source.repoURL ?? ''),
      })),
    destination: {
      namespace,
      allowed: project !== undefined && allowsDestination(project, application.destination, namespace),
    },
    kinds: kindVerdicts(application, project, objects),
    unrecordedChart: chart?.chart ?? null,
    customResources: customResourceOrigins(objects, installers),
    namespaces: namespaceOrigins(application, objects, creators),
    ignoreDifferences: ignoredPaths(application, objects),
  };
}

/** The resources with `facts.argoSync` on every Argo CD Application. */
export function withArgoSyncFacts(resources: readonly PolicyResource[]): PolicyResource[] {
  const facts = new Map<PolicyResource, ArgoSyncFacts>();
  for (const group of byGroup(resources).values()) {
    const index = indexGroup(group);
    if (index.applications.length === 0) continue;
    const installers = crdInstallers(index);
    const creators = namespaceCreators(index);
    for (const application of index.applications)
      facts.set(application.resource, factsOf(application, index, installers, creators));
  }
  return resources.map((resource) => {
    const argoSync = facts.get(resource);
    return argoSync ? { ...resource, facts: { ...resource.facts, argoSync } } : resource;
  });
}
