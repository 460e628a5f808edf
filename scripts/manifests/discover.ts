import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { ENVIRONMENT_NAMES } from '../../environments/model';
import { ToolError } from '../core/errors';
import type { Problem } from './problem';

/** One application's folder, `clusters/<env>/<app>/`: what one Argo CD Application syncs. */
export interface AppFolder {
  readonly name: string;
  /** Filesystem path, as reached from the path the caller gave. */
  readonly dir: string;
  /** Repository-relative posix path, as Applications name it in `spec.source.path`. */
  readonly repoPath: string;
  readonly files: readonly string[];
}

/** `clusters/<env>/`: the unit of the consistency check. */
export interface EnvironmentLayout {
  readonly name: string;
  readonly dir: string;
  readonly repoPath: string;
  readonly folders: readonly AppFolder[];
  /** YAML files directly under the environment folder (a bootstrap root Application, say). */
  readonly looseFiles: readonly string[];
}

/** A set of files validated together and reported on one progress line. */
export interface ManifestTree {
  readonly label: string;
  /** Present when the tree is an environment: then the consistency check runs on it too. */
  readonly environment?: EnvironmentLayout;
  readonly files: readonly string[];
}

export interface Discovery {
  readonly trees: readonly ManifestTree[];
  /** Layout mistakes found while walking (undeclared environments, nested folders Argo CD skips). */
  readonly problems: readonly Problem[];
}

/** A path argument that cannot be used: bad usage, exit 2. */
export class UsageError extends ToolError {
  override name = 'UsageError';
}

const ENVIRONMENTS: readonly string[] = ENVIRONMENT_NAMES;

/**
 * Sorts the given paths into trees. A folder named after an environment is one environment; a
 * folder holding environment folders (`clusters/`) is all of them; any other folder or file is a
 * plain tree whose objects are schema-checked without the consistency check.
 */
export function discover(paths: readonly string[]): Discovery {
  const trees: ManifestTree[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    if (!existsSync(path)) throw new UsageError(`${path} does not exist (run \`npm run synth\` to create clusters/)`);
    if (!statSync(path).isDirectory()) {
      trees.push({ label: path, files: [path] });
    } else if (ENVIRONMENTS.includes(basename(resolve(path)))) {
      const absolute = resolve(path);
      trees.push(environmentTree(path, `${basename(dirname(absolute))}/${basename(absolute)}`, problems));
    } else if (subdirectories(path).some((dir) => ENVIRONMENTS.includes(basename(dir)))) {
      trees.push(...clustersTrees(path, problems));
    } else {
      trees.push({ label: path, files: yamlFilesBelow(path) });
    }
  }
  return { trees, problems };
}

function clustersTrees(root: string, problems: Problem[]): ManifestTree[] {
  const trees: ManifestTree[] = [];
  const outside: string[] = yamlFilesIn(root);
  for (const file of outside) {
    problems.push({ file, message: 'lies outside every environment folder; Argo CD syncs clusters/<env>/ only' });
  }
  for (const dir of subdirectories(root)) {
    const name = basename(dir);
    if (ENVIRONMENTS.includes(name)) {
      trees.push(environmentTree(dir, `${basename(resolve(root))}/${name}`, problems));
      continue;
    }
    const files = yamlFilesBelow(dir);
    outside.push(...files);
    problems.push({
      file: dir,
      message: `is not an environment declared in environments/ (${ENVIRONMENTS.join(', ')}); rename it or declare the environment`,
    });
  }
  if (outside.length > 0) trees.push({ label: `${root} (outside environments)`, files: outside });
  return trees;
}

function environmentTree(dir: string, repoPath: string, problems: Problem[]): ManifestTree {
  const folders: AppFolder[] = subdirectories(dir).map((folder) => {
    for (const nested of subdirectories(folder)) {
      if (yamlFilesBelow(nested).length > 0) {
        problems.push({
          file: nested,
          message:
            'is nested inside an application folder; Argo CD directory sources do not recurse, so it is never synced',
        });
      }
    }
    return {
      name: basename(folder),
      dir: folder,
      repoPath: `${repoPath}/${basename(folder)}`,
      files: yamlFilesIn(folder),
    };
  });
  const looseFiles = yamlFilesIn(dir);
  const environment: EnvironmentLayout = { name: basename(resolve(dir)), dir, repoPath, folders, looseFiles };
  return { label: repoPath, environment, files: [...looseFiles, ...folders.flatMap((folder) => folder.files)] };
}

const isYaml = (name: string): boolean => /\.ya?ml$/.test(name);
const isHidden = (name: string): boolean => name.startsWith('.') || name === 'node_modules';

function entries(dir: string): { name: string; path: string; directory: boolean }[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !isHidden(entry.name))
    .map((entry) => ({ name: entry.name, path: join(dir, entry.name), directory: entry.isDirectory() }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function subdirectories(dir: string): string[] {
  return entries(dir)
    .filter((entry) => entry.directory)
    .map((entry) => entry.path);
}

function yamlFilesIn(dir: string): string[] {
  return entries(dir)
    .filter((entry) => !entry.directory && isYaml(entry.name))
    .map((entry) => entry.path);
}

function yamlFilesBelow(dir: string): string[] {
  return entries(dir).flatMap((entry) => {
    if (entry.directory) return yamlFilesBelow(entry.path);
    return isYaml(entry.name) ? [entry.path] : [];
  });
}
