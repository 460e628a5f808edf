import { checkObject } from './check-object';
import { checkEnvironment, type PlacedObject } from './consistency';
import { discover, type ManifestTree } from './discover';
import { type LoadedObject, loadManifestFile, ManifestReadError } from './load';
import { compareProblems, describeObject, type Problem, stringAt } from './problem';

/** An object that only had the structural check, for the plain statement the output makes. */
export interface StructuralOnly {
  readonly file: string;
  readonly line: number;
  readonly object: string;
  readonly apiVersion: string;
}

export interface TreeReport {
  readonly label: string;
  /** Set when the tree was an environment and its consistency was checked. */
  readonly environment?: string;
  readonly files: number;
  readonly objects: number;
  readonly schemaChecked: number;
  readonly structuralOnly: readonly StructuralOnly[];
  readonly problems: readonly Problem[];
  /** Files that could not be read or parsed; the tree's other checks still ran on the rest. */
  readonly readErrors: readonly ManifestReadError[];
  readonly milliseconds: number;
}

export interface RunReport {
  readonly trees: readonly TreeReport[];
  /** Layout problems found while walking the paths, before any file was read. */
  readonly layoutProblems: readonly Problem[];
}

/**
 * Validates the given paths (see `discover` for what a path may be). Trees are reported to
 * `onTree` as they finish, so a long run shows progress.
 */
export async function validatePaths(
  paths: readonly string[],
  onTree: (report: TreeReport) => void = () => {},
): Promise<RunReport> {
  const { trees, problems } = discover(paths);
  const reports: TreeReport[] = [];
  for (const tree of trees) {
    const report = await validateTree(tree);
    onTree(report);
    reports.push(report);
  }
  return { trees: reports, layoutProblems: [...problems].sort(compareProblems) };
}

export async function validateTree(tree: ManifestTree): Promise<TreeReport> {
  const started = performance.now();
  const readErrors: ManifestReadError[] = [];
  const problems: Problem[] = [];
  const placed: PlacedObject[] = [];
  const structuralOnly: StructuralOnly[] = [];
  const folderOf = new Map(tree.environment?.folders.flatMap((folder) => folder.files.map((file) => [file, folder])));

  for (const file of tree.files) {
    let objects: readonly LoadedObject[];
    try {
      objects = loadManifestFile(file).objects;
    } catch (error) {
      if (!(error instanceof ManifestReadError)) throw error;
      readErrors.push(error);
      continue;
    }
    for (const object of objects) {
      const check = await checkObject(object);
      problems.push(...check.problems);
      if (check.depth === 'structural') structuralOnly.push(structuralEntry(object));
      const folder = folderOf.get(file);
      placed.push({ object, namespaced: check.namespaced, ...(folder ? { folder } : {}) });
    }
  }
  if (tree.environment && readErrors.length === 0) problems.push(...checkEnvironment(tree.environment, placed));

  return {
    label: tree.label,
    ...(tree.environment ? { environment: tree.environment.name } : {}),
    files: tree.files.length,
    objects: placed.length,
    schemaChecked: placed.length - structuralOnly.length,
    structuralOnly,
    problems: problems.sort(compareProblems),
    readErrors,
    milliseconds: performance.now() - started,
  };
}

function structuralEntry(object: LoadedObject): StructuralOnly {
  return {
    file: object.file,
    line: object.line,
    object: describeObject(object.value),
    apiVersion: stringAt(object.value, ['apiVersion']) ?? '',
  };
}
