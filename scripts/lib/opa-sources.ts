/**
 * The Rego sources of policies/: which files exist, which are tests, which test rules they
 * define, and the hash the bundle manifest records so a stale bundle is caught.
 */

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { VOCABULARY_FILE } from '../../environments/vocabulary';

/** The gate's entrypoint in policy.wasm. */
export const POLICY_ENTRYPOINT = 'ecolaura/main/violations';

/** The message every check prints when the committed bundle lags behind the Rego sources. */
export const STALE_BUNDLE = 'policies changed but the bundle did not: run npm run policy:build';

export interface RegoSource {
  /** Repo-relative POSIX path, e.g. `policies/https/ingress_tls/policy.rego`. */
  readonly file: string;
  readonly text: string;
  /** Package path, e.g. `ecolaura.https.ingress_tls`; `data` for the data file. */
  readonly pkg: string;
  readonly isTest: boolean;
  /** The generated vocabulary (JSON data the policies read), not Rego. */
  readonly isData: boolean;
}

/** Folders below policies/ that hold no Rego sources of their own. */
const SKIPPED_DIRS = new Set(['bundle', 'fixtures']);

function regoFilesBelow(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return SKIPPED_DIRS.has(name) ? [] : regoFilesBelow(path);
      return name.endsWith('.rego') ? [path] : [];
    });
}

/**
 * Every .rego file under policies/ with its package, and the vocabulary data file when present,
 * sorted by path: everything the bundle is built from.
 */
export function readRegoSources(repoRoot: string): RegoSource[] {
  const rego = regoFilesBelow(join(repoRoot, 'policies')).map((path): RegoSource => {
    const file = relative(repoRoot, path).split(sep).join('/');
    const text = readFileSync(path, 'utf8');
    const pkg = /^package\s+([\w.]+)/m.exec(text)?.[1];
    if (!pkg) throw new Error(`${file}: no package declaration`);
    return { file, text, pkg, isTest: file.endsWith('_test.rego'), isData: false };
  });
  const vocabulary = join(repoRoot, VOCABULARY_FILE);
  const data: RegoSource[] = existsSync(vocabulary)
    ? [{ file: VOCABULARY_FILE, text: readFileSync(vocabulary, 'utf8'), pkg: 'data', isTest: false, isData: true }]
    : [];
  return [...rego, ...data].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/**
 * sha256 over the sorted sources (path, NUL, content, NUL each), plus the entrypoints and the
 * opa version: any change to what the bundle is built from changes it.
 */
export function sourcesHash(
  sources: readonly RegoSource[],
  entrypoints: readonly string[],
  opaVersion: string,
): string {
  const hash = createHash('sha256');
  for (const source of sources) hash.update(`${source.file}\0${source.text}\0`);
  hash.update(`entrypoints\0${[...entrypoints].sort().join('\n')}\0opa\0${opaVersion}`);
  return hash.digest('hex');
}

/**
 * The test rules of the _test packages as wasm entrypoints (`ecolaura/https/ingress_tls_test/test_x`).
 * Sources are `opa fmt`-formatted, so a test rule starts a line with its name.
 */
export function testEntrypoints(sources: readonly RegoSource[]): string[] {
  const entrypoints: string[] = [];
  for (const source of sources.filter((s) => s.isTest)) {
    const names = [...source.text.matchAll(/^(test_\w+)\b/gm)].map((m) => m[1] as string);
    const seen = new Set<string>();
    for (const name of names) {
      if (seen.has(name)) {
        throw new Error(`${source.file}: test ${name} is defined twice; give every test rule its own name`);
      }
      seen.add(name);
      entrypoints.push(`${source.pkg.split('.').join('/')}/${name}`);
    }
  }
  return entrypoints.sort();
}
