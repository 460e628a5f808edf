import { Command } from 'commander';
import { parseCommandLine } from '../core/cli';
import { SCHEMA_SOURCES } from './catalog';
import { UsageError } from './discover';
import { formatProblem } from './problem';
import { type TreeReport, validatePaths } from './validate';

/** Exit codes, each meaning one thing (STYLE.md §5). */
export const EXIT = { clean: 0, invalid: 1, usage: 2 } as const;

/** Where the CLI writes; tests pass collectors, the script passes stdout and stderr. */
export interface Output {
  info(line: string): void;
  error(line: string): void;
}

const DEFAULT_PATHS = ['clusters'];

/** Parses `argv` (without node and script), validates, prints, and returns the exit code. */
export async function runValidateManifests(argv: readonly string[], output: Output): Promise<number> {
  let paths: string[] = DEFAULT_PATHS;
  const program = new Command('validate-manifests')
    .description(
      'Validate Kubernetes manifests: every object against the Kubernetes API of the model version or its CRD schema ' +
        '(kubernetes-models), other operators’ custom resources structurally, and each ' +
        'clusters/<env>/ for Argo CD consistency (one Application per folder, no dangling paths, ' +
        'unique objects, https repoURLs, AppProject limits).',
    )
    .argument(
      '[paths...]',
      'folders or files: a clusters/ folder (every environment), one clusters/<env>/ folder, or any ' +
        'folder of YAML (schema check only)',
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 every object valid; 1 validation errors; 2 bad usage, or a file that cannot be read or parsed.',
    )
    .configureOutput({
      writeOut: (text) => output.info(text.trimEnd()),
      writeErr: (text) => output.error(text.trimEnd()),
    })
    .action((given: string[]) => {
      if (given.length > 0) paths = given;
    });
  const usageExit = parseCommandLine(program, argv, 'user');
  if (usageExit !== undefined) return usageExit;
  return validateAndReport(paths, output);
}

async function validateAndReport(paths: readonly string[], output: Output): Promise<number> {
  output.info(`info: schemas from ${SCHEMA_SOURCES.map((source) => source.package).join(', ')}`);
  let report: Awaited<ReturnType<typeof validatePaths>>;
  try {
    report = await validatePaths(paths, (tree) => reportTree(tree, output));
  } catch (error) {
    if (error instanceof UsageError) {
      output.error(`error: ${error.message}`);
      return EXIT.usage;
    }
    throw error;
  }
  for (const problem of report.layoutProblems) output.error(`error: ${formatProblem(problem)}`);

  const trees = report.trees;
  const sum = (count: (tree: TreeReport) => number): number => trees.reduce((total, tree) => total + count(tree), 0);
  const files = sum((tree) => tree.files);
  const readErrors = sum((tree) => tree.readErrors.length);
  const errors = report.layoutProblems.length + sum((tree) => tree.problems.length) + readErrors;
  const environments = trees.filter((tree) => tree.environment !== undefined).length;
  output.info(
    `info: validated ${sum((tree) => tree.objects)} objects in ${files} files across ${environments} environments: ` +
      `${sum((tree) => tree.schemaChecked)} schema-checked, ${sum((tree) => tree.structuralOnly.length)} structural-only; ` +
      `${errors} errors`,
  );
  if (files === 0) {
    output.error(`error: no YAML manifests found in ${paths.join(', ')}; nothing was validated`);
    return EXIT.usage;
  }
  if (readErrors > 0) return EXIT.usage;
  return errors > 0 ? EXIT.invalid : EXIT.clean;
}

function reportTree(tree: TreeReport, output: Output): void {
  const seconds = (tree.milliseconds / 1000).toFixed(2);
  const scope = tree.environment ? 'schemas + consistency' : 'schemas only';
  const errors = tree.problems.length + tree.readErrors.length;
  output.info(
    `info: ${tree.label}: ${tree.objects} objects in ${tree.files} files (${scope}): ` +
      `${tree.schemaChecked} schema-checked, ${tree.structuralOnly.length} structural-only, ${errors} errors in ${seconds} s`,
  );
  for (const entry of tree.structuralOnly) {
    output.info(
      `info: structural-only (no models package for ${entry.apiVersion}): ${entry.file}:${entry.line}: ${entry.object}`,
    );
  }
  for (const readError of tree.readErrors) output.error(`error: ${readError.message}`);
  if (tree.environment && tree.readErrors.length > 0) {
    output.error(`error: ${tree.label}: consistency not checked because a file could not be parsed`);
  }
  for (const problem of tree.problems) output.error(`error: ${formatProblem(problem)}`);
}
