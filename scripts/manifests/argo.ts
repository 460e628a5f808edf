import { groupOf } from './catalog';
import type { FieldPath, LoadedObject } from './load';
import { fieldAt, stringAt } from './problem';

/** One entry of `spec.source` or `spec.sources[]`, with where it sits in the Application. */
export interface ApplicationSource {
  readonly field: FieldPath;
  readonly repoURL: string | undefined;
  /** Repository-relative folder, normalized (`./clusters/dev/x/` → `clusters/dev/x`); absent for Helm charts. */
  readonly path: string | undefined;
}

export interface Destination {
  readonly server?: string;
  readonly name?: string;
  readonly namespace?: string;
}

export function isArgoKind(value: unknown, kind: 'Application' | 'AppProject'): boolean {
  return groupOf(stringAt(value, ['apiVersion']) ?? '') === 'argoproj.io' && stringAt(value, ['kind']) === kind;
}

export function applicationSources(application: LoadedObject): ApplicationSource[] {
  const single = fieldAt(application.value, ['spec', 'source']);
  const many = fieldAt(application.value, ['spec', 'sources']);
  const listed: [FieldPath, unknown][] = [];
  if (single !== undefined) listed.push([['spec', 'source'], single]);
  if (Array.isArray(many))
    listed.push(...many.map((source, index): [FieldPath, unknown] => [['spec', 'sources', index], source]));
  return listed.map(([field, source]) => {
    const path = stringAt(source, ['path']);
    return {
      field,
      repoURL: stringAt(source, ['repoURL']),
      path: path === undefined ? undefined : normalizeRepoPath(path),
    };
  });
}

export function normalizeRepoPath(path: string): string {
  return path.replace(/^(\.\/)+/, '').replace(/\/+$/, '');
}

export function destinationOf(application: LoadedObject): Destination {
  const destination = fieldAt(application.value, ['spec', 'destination']);
  return {
    ...optional('server', stringAt(destination, ['server'])),
    ...optional('name', stringAt(destination, ['name'])),
    ...optional('namespace', stringAt(destination, ['namespace'])),
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/**
 * Argo CD takes Git over HTTPS or SSH (`ssh://…` or scp-like `git@host:org/repo.git`) and Helm
 * repositories over HTTPS; `http://` and `git://` travel unauthenticated and unencrypted.
 */
export function isSecureRepoURL(url: string): boolean {
  return /^https:\/\/[^\s/]+(\/\S*)?$/.test(url) || /^ssh:\/\/\S+$/.test(url) || /^[\w.-]+@[\w.-]+:\S+$/.test(url);
}

/**
 * Argo CD's project patterns (https://argo-cd.readthedocs.io/en/stable/user-guide/projects/):
 * `*` spans any characters, `/` included, and `?` one. Other glob syntax is taken literally,
 * which can only make a pattern stricter here, never looser.
 */
export function globMatches(pattern: string, value: string): boolean {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`).test(value);
}

/** The project fields the consistency check enforces, read from an AppProject object. */
export interface ProjectRules {
  readonly name: string;
  readonly object: LoadedObject;
  readonly sourceRepos: readonly string[];
  readonly destinations: readonly Destination[];
  readonly clusterResourceWhitelist: readonly GroupKind[];
  readonly clusterResourceBlacklist: readonly GroupKind[];
  readonly namespaceResourceWhitelist: readonly GroupKind[] | undefined;
  readonly namespaceResourceBlacklist: readonly GroupKind[];
}

export interface GroupKind {
  readonly group: string;
  readonly kind: string;
}

export function projectRules(project: LoadedObject): ProjectRules {
  const spec = fieldAt(project.value, ['spec']);
  const list = (key: string): unknown[] => {
    const found = fieldAt(spec, [key]);
    return Array.isArray(found) ? found : [];
  };
  const groupKinds = (key: string): GroupKind[] =>
    list(key).map((entry) => ({ group: stringAt(entry, ['group']) ?? '', kind: stringAt(entry, ['kind']) ?? '' }));
  return {
    name: stringAt(project.value, ['metadata', 'name']) ?? '',
    object: project,
    sourceRepos: list('sourceRepos').filter((repo): repo is string => typeof repo === 'string'),
    destinations: list('destinations').map((entry) => ({
      ...optional('server', stringAt(entry, ['server'])),
      ...optional('name', stringAt(entry, ['name'])),
      ...optional('namespace', stringAt(entry, ['namespace'])),
    })),
    clusterResourceWhitelist: groupKinds('clusterResourceWhitelist'),
    clusterResourceBlacklist: groupKinds('clusterResourceBlacklist'),
    namespaceResourceWhitelist:
      fieldAt(spec, ['namespaceResourceWhitelist']) === undefined
        ? undefined
        : groupKinds('namespaceResourceWhitelist'),
    namespaceResourceBlacklist: groupKinds('namespaceResourceBlacklist'),
  };
}

export function allowsRepo(project: ProjectRules, repoURL: string): boolean {
  const denied = project.sourceRepos.some((repo) => repo.startsWith('!') && globMatches(repo.slice(1), repoURL));
  return !denied && project.sourceRepos.some((repo) => !repo.startsWith('!') && globMatches(repo, repoURL));
}

/**
 * Whether a destination (cluster by server URL or name, and a namespace) is one of the project's.
 * Entries whose namespace starts with `!` deny (Argo CD 2.8+).
 */
export function allowsDestination(project: ProjectRules, target: Destination, namespace: string): boolean {
  const sameCluster = (entry: Destination): boolean =>
    (target.server !== undefined && entry.server !== undefined && globMatches(entry.server, target.server)) ||
    (target.name !== undefined && entry.name !== undefined && globMatches(entry.name, target.name));
  const pattern = (entry: Destination): string => entry.namespace ?? '';
  const denied = project.destinations.some(
    (entry) => pattern(entry).startsWith('!') && sameCluster(entry) && globMatches(pattern(entry).slice(1), namespace),
  );
  return (
    !denied &&
    project.destinations.some(
      (entry) => !pattern(entry).startsWith('!') && sameCluster(entry) && globMatches(pattern(entry), namespace),
    )
  );
}

/**
 * Argo CD refuses cluster-scoped kinds a project does not whitelist, and namespaced kinds it
 * blacklists (or leaves off a namespace whitelist when it has one).
 */
export function allowsKind(project: ProjectRules, resource: GroupKind, namespaced: boolean): boolean {
  const matches = (list: readonly GroupKind[]): boolean =>
    list.some((entry) => globMatches(entry.group, resource.group) && globMatches(entry.kind, resource.kind));
  if (!namespaced) return matches(project.clusterResourceWhitelist) && !matches(project.clusterResourceBlacklist);
  const whitelisted = project.namespaceResourceWhitelist === undefined || matches(project.namespaceResourceWhitelist);
  return whitelisted && !matches(project.namespaceResourceBlacklist);
}
