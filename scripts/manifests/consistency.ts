import {
  type ApplicationNode,
  effectiveNamespace,
  type PlacedObject,
  readApplications,
  where,
} from './application-graph';
import { applicationSources, isArgoKind, isSecureRepoURL, projectRules } from './argo';
import type { EnvironmentLayout } from './discover';
import { objectProblem, type Problem, stringAt } from './problem';
import { projectProblems } from './project-limits';

export type { PlacedObject } from './application-graph';

/**
 * Checks that an environment is one coherent Argo CD tree: every application folder is synced by
 * exactly one Application, every Application syncs folders that exist and hold manifests, one
 * root Application reaches them all, object identities are unique, repositories are reached
 * securely, and every Application stays inside what its AppProject allows.
 */
export function checkEnvironment(environment: EnvironmentLayout, objects: readonly PlacedObject[]): Problem[] {
  const problems: Problem[] = [];
  const folderObjects = new Map<string, PlacedObject[]>();
  for (const placed of objects) {
    if (!placed.folder) continue;
    const list = folderObjects.get(placed.folder.repoPath) ?? [];
    list.push(placed);
    folderObjects.set(placed.folder.repoPath, list);
  }
  const applications = readApplications(environment, objects, folderObjects, problems);

  problems.push(...folderTargetProblems(environment, applications));
  problems.push(...rootProblems(environment, applications));
  problems.push(...repoURLProblems(objects, applications));
  problems.push(...duplicateProblems(objects, applications));
  problems.push(...projectProblems(environment, objects, applications, folderObjects));
  return problems.map((problem) => ({ ...problem, environment: environment.name }));
}

/** Every folder under clusters/<env>/ is synced by exactly one Application. */
function folderTargetProblems(environment: EnvironmentLayout, applications: readonly ApplicationNode[]): Problem[] {
  const problems: Problem[] = [];
  for (const folder of environment.folders) {
    const syncing = applications.filter((application) => application.targets.includes(folder));
    if (syncing.length === 0) {
      problems.push({
        file: `${folder.dir}/`,
        message: `is not synced by any Application (an orphan folder): add an Application with spec.source.path ${folder.repoPath}, or remove the folder`,
      });
    } else if (syncing.length > 1) {
      problems.push({
        file: `${folder.dir}/`,
        message: `is synced by ${syncing.length} Applications (${syncing.map(where).join(', ')}); exactly one may own it`,
      });
    }
  }
  return problems;
}

/**
 * The root Application (app of apps) is the one applied by hand at bootstrap: it lives directly
 * under clusters/<env>/ or syncs the very folder it lives in. There is exactly one, and following
 * Applications from it reaches every Application of the environment.
 */
function rootProblems(environment: EnvironmentLayout, applications: readonly ApplicationNode[]): Problem[] {
  const roots = applications.filter(
    (application) => !application.placed.folder || application.targets.includes(application.placed.folder),
  );
  if (roots.length === 0) {
    return [
      {
        file: `${environment.dir}/`,
        message:
          'has no root Application: one Application (the app of apps) must sync the folder holding the Applications',
      },
    ];
  }
  const [root, ...others] = roots;
  if (!root) return [];
  if (others.length > 0) {
    return [
      {
        file: `${environment.dir}/`,
        message: `has ${roots.length} root Applications (${roots.map(where).join(', ')}); bootstrap applies exactly one`,
      },
    ];
  }
  if (root.targets.length === 0) {
    return [objectProblem(root.placed.object, ['spec'], 'is the root Application but syncs no existing folder')];
  }
  const reached = new Set<ApplicationNode>([root]);
  const queue = [root];
  for (let next = queue.shift(); next; next = queue.shift()) {
    for (const application of applications) {
      const folder = application.placed.folder;
      if (!reached.has(application) && folder && next.targets.includes(folder)) {
        reached.add(application);
        queue.push(application);
      }
    }
  }
  const synced = new Set(applications.flatMap((application) => application.targets));
  return applications
    .filter(
      (application) => !reached.has(application) && application.placed.folder && synced.has(application.placed.folder),
    )
    .map((application) =>
      objectProblem(application.placed.object, [], `is not reachable from the root Application ${where(root)}`),
    );
}

function repoURLProblems(objects: readonly PlacedObject[], applications: readonly ApplicationNode[]): Problem[] {
  const problems: Problem[] = [];
  for (const { placed } of applications) {
    for (const source of applicationSources(placed.object)) {
      if (source.repoURL !== undefined && !isSecureRepoURL(source.repoURL)) {
        problems.push(
          objectProblem(
            placed.object,
            [...source.field, 'repoURL'],
            `${JSON.stringify(source.repoURL)} must be an https:// (or ssh) URL`,
          ),
        );
      }
    }
  }
  for (const { object } of objects.filter((placed) => isArgoKind(placed.object.value, 'AppProject'))) {
    const repos = projectRules(object).sourceRepos;
    repos.forEach((repo, index) => {
      if (!isSecureRepoURL(repo.replace(/^!/, ''))) {
        problems.push(
          objectProblem(
            object,
            ['spec', 'sourceRepos', index],
            `${JSON.stringify(repo)} must be an https:// (or ssh) repository URL, not a wildcard or plain-text scheme`,
          ),
        );
      }
    });
  }
  return problems;
}

/** No two objects of one environment share kind, namespace and name: one would overwrite the other. */
function duplicateProblems(objects: readonly PlacedObject[], applications: readonly ApplicationNode[]): Problem[] {
  const first = new Map<string, PlacedObject>();
  const problems: Problem[] = [];
  for (const placed of objects) {
    const kind = stringAt(placed.object.value, ['kind']);
    const name = stringAt(placed.object.value, ['metadata', 'name']);
    if (!kind || !name) continue;
    const namespace = effectiveNamespace(placed, applications);
    const key = `${kind}/${namespace}/${name}`;
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, placed);
      continue;
    }
    const identity = namespace ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
    problems.push(
      objectProblem(
        placed.object,
        [],
        `duplicates ${identity} already defined at ${earlier.object.file}:${earlier.object.line}; one would overwrite the other`,
      ),
    );
  }
  return problems;
}
