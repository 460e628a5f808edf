import { type ApplicationNode, effectiveNamespace, type PlacedObject, where } from './application-graph';
import {
  allowsDestination,
  allowsKind,
  allowsRepo,
  applicationSources,
  type Destination,
  destinationOf,
  isArgoKind,
  type ProjectRules,
  projectRules,
} from './argo';
import { groupOf } from './catalog';
import type { EnvironmentLayout } from './discover';
import { objectProblem, type Problem, stringAt } from './problem';

/**
 * Each Application's AppProject exists in the environment and allows the Application's
 * destination and repositories, and every object it syncs.
 */
export function projectProblems(
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
  destination: Destination,
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

function describeDestination(destination: Destination): string {
  const cluster = destination.server ?? destination.name ?? '(no cluster)';
  return `destination ${cluster} namespace ${JSON.stringify(destination.namespace ?? '')}`;
}
