import { applicationSources, destinationOf, isArgoKind } from './argo';
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
export interface ApplicationNode {
  readonly placed: PlacedObject;
  readonly name: string;
  readonly targets: readonly AppFolder[];
}

/**
 * Reads every Application of an environment with the folders its sources sync, reporting paths
 * that do not resolve to a non-empty application folder of the environment.
 */
export function readApplications(
  environment: EnvironmentLayout,
  objects: readonly PlacedObject[],
  folderObjects: ReadonlyMap<string, readonly PlacedObject[]>,
  problems: Problem[],
): ApplicationNode[] {
  return objects
    .filter((placed) => isArgoKind(placed.object.value, 'Application'))
    .map((placed) => applicationNode(environment, placed, folderObjects, problems));
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

/**
 * Namespace an object lands in: its own, else the destination namespace of the Application that
 * syncs its folder (Argo CD fills it in), else none (cluster-scoped).
 */
export function effectiveNamespace(placed: PlacedObject, applications: readonly ApplicationNode[]): string {
  if (placed.namespaced === false) return '';
  const own = stringAt(placed.object.value, ['metadata', 'namespace']);
  if (own || placed.namespaced === undefined) return own ?? '';
  const owner = applications.find((application) => placed.folder && application.targets.includes(placed.folder));
  return owner ? (destinationOf(owner.placed.object).namespace ?? '') : '';
}

/** `Kind ns/name at file:line`, to point from one problem at another object. */
export function where(node: { readonly placed: PlacedObject } | { readonly object: LoadedObject }): string {
  const object = 'placed' in node ? node.placed.object : node.object;
  return `${describeObject(object.value)} at ${object.file}:${object.line}`;
}
