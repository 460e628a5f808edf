/**
 * Where every policy's evidence lives: one folder per policy, `policies/<theme>/<rule>/`, holding
 * `policy.rego` (package `ecolaura.<theme>.<rule>`), `policy_test.rego`, `fixtures/allowed-*` and
 * `fixtures/disallowed-*`, and `mutations.ts` (its mutation rows). The build, the catalog, the
 * fixture replay, the mutation test and the auditor report all find policies through this
 * module, so adding a policy means adding a folder.
 */

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders of policies/ that are not themes. */
const NOT_THEMES = new Set(['bundle', 'lib']);

export const POLICY_FILE = 'policy.rego';
export const POLICY_TEST_FILE = 'policy_test.rego';
export const FIXTURES_DIR = 'fixtures';
export const MUTATIONS_FILE = 'mutations.ts';

export interface PolicyFolder {
  readonly theme: string;
  readonly rule: string;
  /** Repo-relative POSIX path, e.g. `policies/encryption/rds_storage`. */
  readonly dir: string;
  /** The package the folder's policy.rego must declare. */
  readonly pkg: string;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The theme folders of `<root>/policies`, in name order. */
export function themeFolders(root: string): string[] {
  const policies = join(root, 'policies');
  return readdirSync(policies)
    .sort(byName)
    .filter((name) => !NOT_THEMES.has(name) && isDirectory(join(policies, name)));
}

/** Every folder `policies/<theme>/<rule>/` that holds a policy.rego, in path order. */
export function findPolicyFolders(root: string): PolicyFolder[] {
  return themeFolders(root).flatMap((theme) =>
    readdirSync(join(root, 'policies', theme))
      .sort(byName)
      .filter((rule) => existsSync(join(root, 'policies', theme, rule, POLICY_FILE)))
      .map((rule) => ({ theme, rule, dir: `policies/${theme}/${rule}`, pkg: `ecolaura.${theme}.${rule}` })),
  );
}

/** The folder of a repo-relative policy.rego path, or undefined when the path is not one. */
export function folderOfPolicyFile(file: string): PolicyFolder | undefined {
  const match = /^policies\/([^/]+)\/([^/]+)\/policy\.rego$/.exec(file);
  if (!match || NOT_THEMES.has(match[1] as string)) return undefined;
  const [, theme = '', rule = ''] = match;
  return { theme, rule, dir: `policies/${theme}/${rule}`, pkg: `ecolaura.${theme}.${rule}` };
}
