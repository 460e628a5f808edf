/**
 * The policy fixtures, gatekeeper-library style: `policies/<theme>/fixtures/<POLICY-ID>/` holds
 * `allowed-*` and `disallowed-*` raw documents, optionally below an environment folder
 * (`prod/…`). The replay test and the auditor report both list them through this one function.
 */

import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compareText } from '../core/compare';

export interface PolicyFixture {
  readonly policy: string;
  readonly expectation: 'allowed' | 'disallowed';
  /** Repo-relative POSIX path: its folders give the environment (`…/prod/…`). */
  readonly file: string;
  /** Path below the policy's fixture folder, e.g. `prod/disallowed-single-az.json`. */
  readonly name: string;
}

function filesBelow(dir: string): string[] {
  return readdirSync(dir)
    .sort(compareText)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesBelow(path) : [path];
    });
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Every fixture under `<repoRoot>/policies/*\/fixtures/`, in path order; a misnamed file is an error. */
export function findPolicyFixtures(repoRoot: string): PolicyFixture[] {
  const policiesDir = join(repoRoot, 'policies');
  const fixtures: PolicyFixture[] = [];
  for (const theme of readdirSync(policiesDir).sort(compareText)) {
    const fixturesDir = join(policiesDir, theme, 'fixtures');
    if (!isDirectory(join(policiesDir, theme)) || !isDirectory(fixturesDir)) continue;
    for (const policy of readdirSync(fixturesDir).sort(compareText)) {
      const policyDir = join(fixturesDir, policy);
      for (const path of filesBelow(policyDir)) {
        const base = path.split(sep).at(-1) ?? '';
        const expectation = base.startsWith('allowed-')
          ? 'allowed'
          : base.startsWith('disallowed-')
            ? 'disallowed'
            : undefined;
        if (!expectation) throw new Error(`${path}: fixture names start with allowed- or disallowed-`);
        fixtures.push({
          policy,
          expectation,
          file: relative(repoRoot, path).split(sep).join('/'),
          name: relative(policyDir, path).split(sep).join('/'),
        });
      }
    }
  }
  return fixtures;
}
