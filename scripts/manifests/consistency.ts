import {
  allowsDestination,
  allowsKind,
  allowsRepo,
  applicationSources,
  destinationOf,
  isArgoKind,
  isSecureRepoURL,
  type ProjectRules,
  projectRules,
} from './argo';
import { groupOf } from './catalog';
import type { AppFolder, EnvironmentLayout } from './discover';
import type { LoadedObject } from './load';
import { describeObject, objectProblem, type Problem, stringAt } from './problem';

/** An object of an environment, with its scope (from the schema check) and the folder holding it. */
export interface PlacedObject {
  readonly object: LoadedObject;
  /** Undefined when the kind is unknown: scope-dependent checks then leave the object alone. */
  readonly namespaced: boolean | undefined;
  /** The application folder; absent for files directly under `clusters/<env>/`. */
  readonly folder?: AppFolder;
}

/** An Application and the folders of this environment its sources sync. */
interface ApplicationNode {
  readonly placed: PlacedObject;
  readonly name: string;
  readonly targets: readonly AppFolder[];
}

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
  const applications = objects
    .filter((placed) => isArgoKind(placed.object.value, 'Application'))
    .map((placed) => applicationNode(environment, placed, folderObjects, problems));

  problems.push(...folderTargetProblems(environment, applications));
  problems.push(...rootProblems(environment, applications));
  problems.push(...repoURLProblems(objects, applications));
  problems.push(...duplicateProblems(objects, applications));
  problems.push(...projectProblems(environment, objects, applications, folderObjects));
  return problems.map((problem) => ({ ...problem, environment: environment.name }));
}

function applicationNode(
  environment: EnvironmentLayout,
  placed: PlacedObject,
  folderObjects: ReadonlyMap<string, readonly PlacedObject[]>,
  problems: Problem[],
): ApplicationNode {
  const targets: AppFolder[] = [];
  for (const source of applicationSources(placed.object)) {
    if (source.path === undefined) continue;
    const field = [...source.field, 'path'];
    const folder = environment.folders.find((candidate) => candidate.repoPath === source.path);
    if (folder) {
      targets.push(folder);
      if ((folderObjects.get(folder.repoPath) ?? []).length === 0) {
        problems.push(objectProblem(placed.object, field, `syncs ${source.path}/, which holds no manifest`));
      }
    } else if (isAppFolderPath(environment, source.path)) {
      problems.push(
        objectProblem(placed.object, field, `syncs ${source.path}/, which does not exist (a dangling Application)`),
      );
    } else {
      problems.push(
        objectProblem(
          placed.object,
          field,
          `syncs ${JSON.stringify(source.path)}, which is not an application folder of this environment (${environment.repoPath}/<app>)`,
        ),
      );
    }
  }
  return { placed, name: stringAt(placed.object.value, ['metadata', 'name']) ?? '', targets };
}

function isAppFolderPath(environment: EnvironmentLayout, path: string): boolean {
  const prefix = `${environment.repoPath}/`;
  return path.startsWith(prefix) && path.length > prefix.length && !path.slice(prefix.length).includes('/');
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

/**
 * Namespace an object lands in: its own, else the destination namespace of the Application that
 * syncs its folder (Argo CD fills it in), else none (cluster-scoped).
 */
function effectiveNamespace(placed: PlacedObject, applications: readonly ApplicationNode[]): string {
  if (placed.namespaced === false) return '';
  const own = stringAt(placed.object.value, ['metadata', 'namespace']);
  if (own || placed.namespaced === undefined) return own ?? '';
  const owner = applications.find((application) => placed.folder && application.targets.includes(placed.folder));
  return owner ? (destinationOf(owner.placed.object).namespace ?? '') : '';
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

function projectProblems(
  environment: EnvironmentLayout,
  objects: readonly PlacedObject[],
  applications: readonly ApplicationNode[],
  folderObjects: ReadonlyMap<string, readonly PlacedObject[]>,
): Problem[] {
  const projects = new Map<string, ProjectRules>();
  for (const { object } of objects.filter((placed) => isArgoKind(placed.object.value, 'AppProject'))) {
    const rules = projectRules(object);
    if (!projects.has(rules.name)) projects.set(rules.name, rules);
  }
  const problems: Problem[] = [];
  for (const application of applications) {
    const { object } = application.placed;
    const projectName = stringAt(object.value, ['spec', 'project']);
    if (projectName === undefined) continue;
    const project = projects.get(projectName);
    if (!project) {
      const known = [...projects.keys()].sort().join(', ') || 'none';
      problems.push(
        objectProblem(
          object,
          ['spec', 'project'],
          `AppProject ${JSON.stringify(projectName)} is not defined in ${environment.repoPath} (defined: ${known})`,
        ),
      );
      continue;
    }
    const destination = destinationOf(object);
    if (!allowsDestination(project, destination, destination.namespace ?? '')) {
      problems.push(
        objectProblem(
          object,
          ['spec', 'destination'],
          `${describeDestination(destination)} is not among the destinations of AppProject ${project.name} (${where(project)})`,
        ),
      );
    }
    for (const source of applicationSources(object)) {
      if (source.repoURL !== undefined && !allowsRepo(project, source.repoURL)) {
        problems.push(
          objectProblem(
            object,
            [...source.field, 'repoURL'],
            `${source.repoURL} is not in spec.sourceRepos of AppProject ${project.name} (${where(project)})`,
          ),
        );
      }
    }
    const synced = application.targets.flatMap((folder) => folderObjects.get(folder.repoPath) ?? []);
    problems.push(...syncedObjectProblems(application, project, destination, synced, applications));
  }
  return problems;
}

/** Argo CD checks each synced resource's namespace and kind against the project, not only the Application's. */
function syncedObjectProblems(
  application: ApplicationNode,
  project: ProjectRules,
  destination: ReturnType<typeof destinationOf>,
  synced: readonly PlacedObject[],
  applications: readonly ApplicationNode[],
): Problem[] {
  const problems: Problem[] = [];
  const via = `Application ${application.name} (project ${project.name}, ${where(project)})`;
  for (const placed of synced) {
    const apiVersion = stringAt(placed.object.value, ['apiVersion']);
    const kind = stringAt(placed.object.value, ['kind']);
    if (!apiVersion || !kind || placed.namespaced === undefined) continue;
    if (!allowsKind(project, { group: groupOf(apiVersion), kind }, placed.namespaced)) {
      const list = placed.namespaced ? 'namespace resource lists' : 'spec.clusterResourceWhitelist';
      problems.push(
        objectProblem(placed.object, ['kind'], `${kind} is not allowed by the ${list} of ${via}, so it cannot sync`),
      );
    }
    const namespace = effectiveNamespace(placed, applications);
    if (placed.namespaced && !allowsDestination(project, destination, namespace)) {
      problems.push(
        objectProblem(
          placed.object,
          ['metadata', 'namespace'],
          `namespace ${JSON.stringify(namespace)} is not a destination of ${via}, so it cannot sync`,
        ),
      );
    }
  }
  return problems;
}

function describeDestination(destination: ReturnType<typeof destinationOf>): string {
  const cluster = destination.server ?? destination.name ?? '(no cluster)';
  return `destination ${cluster} namespace ${JSON.stringify(destination.namespace ?? '')}`;
}

function where(node: { readonly placed: PlacedObject } | { readonly object: LoadedObject }): string {
  const object = 'placed' in node ? node.placed.object : node.object;
  return `${describeObject(object.value)} at ${object.file}:${object.line}`;
}
