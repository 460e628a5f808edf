/**
 * The policy fixtures, gatekeeper-library style: each policy folder's `fixtures/` holds
 * `allowed-*` and `disallowed-*` raw documents, optionally below an environment folder
 * (`prod/…`). The replay test and the auditor report both list them through this one function.
 */

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { FIXTURES_DIR, findPolicyFolders } from './policy-folders';

export interface PolicyFixture {
  /** The policy folder, e.g. `policies/encryption/rds_storage`. */
  readonly folder: string;
  readonly expectation: 'allowed' | 'disallowed';
  /** Repo-relative POSIX path: its folders give the environment (`…/prod/…`). */
  readonly file: string;
  /** Path below the policy's fixtures folder, e.g. `prod/disallowed-single-az.json`. */
  readonly name: string;
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesBelow(path) : [path];
    });
}

function posix(path: string): string {
  return path.split(sep).join('/');
}

/** Every fixture of every policy folder under `<repoRoot>/policies`, in path order; a misnamed file is an error. */
export function findPolicyFixtures(repoRoot: string): PolicyFixture[] {
  return findPolicyFolders(repoRoot).flatMap((folder) => {
    const fixturesDir = join(repoRoot, folder.dir, FIXTURES_DIR);
    if (!existsSync(fixturesDir)) return [];
    return filesBelow(fixturesDir).map((path): PolicyFixture => {
      const base = path.split(sep).at(-1) ?? '';
      const expectation = base.startsWith('allowed-')
        ? 'allowed'
        : base.startsWith('disallowed-')
          ? 'disallowed'
          : undefined;
      if (!expectation) throw new Error(`${path}: fixture names start with allowed- or disallowed-`);
      return {
        folder: folder.dir,
        expectation,
        file: posix(relative(repoRoot, path)),
        name: posix(relative(fixturesDir, path)),
      };
    });
  });
}
