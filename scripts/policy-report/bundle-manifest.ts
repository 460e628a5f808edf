/**
 * What the auditor report reads from policies/bundle/manifest.json: the hashes that identify the
 * bundle, and the Rego test entrypoints compiled into tests.wasm — the list
 * policies/rego-tests.test.ts runs, so the report names exactly the tests CI executes.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareText } from '../core/compare';
import { isRecord } from '../core/is-record';
import type { BundleIdentity } from './evidence';
import { ReportInputError } from './report-input-error';

export interface BundleManifest {
  readonly identity: BundleIdentity;
  /** Repo-relative paths of the Rego sources the bundle was built from. */
  readonly sources: ReadonlySet<string>;
  /** `ecolaura/<theme>/<rule>_test/test_name`, as tests.wasm exposes them. */
  readonly testEntrypoints: readonly string[];
}

const REBUILD = 'run npm run policy:build';

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

export function readBundleManifest(repoRoot: string): BundleManifest {
  const file = join(repoRoot, 'policies', 'bundle', 'manifest.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ReportInputError(`${file}: ${(error as Error).message}; ${REBUILD}`);
  }
  const problem = (field: string) => new ReportInputError(`${file}: "${field}" is missing or malformed; ${REBUILD}`);
  if (!isRecord(raw)) throw problem('(root object)');
  const { sourcesSha256, opaVersion, files, sources, entrypoints } = raw;
  if (typeof sourcesSha256 !== 'string') throw problem('sourcesSha256');
  if (typeof opaVersion !== 'string') throw problem('opaVersion');
  if (!isRecord(files) || !Object.values(files).every((hash) => typeof hash === 'string')) throw problem('files');
  if (!Array.isArray(sources) || !sources.every((s) => isRecord(s) && typeof s.file === 'string'))
    throw problem('sources');
  if (!isRecord(entrypoints) || !isStringList(entrypoints['tests.wasm'])) throw problem('entrypoints.tests.wasm');
  const artifacts = Object.fromEntries(
    Object.entries(files as Record<string, string>).sort(([a], [b]) => compareText(a, b)),
  );
  return {
    identity: { sourcesSha256, opaVersion, artifacts },
    sources: new Set(sources.map((s) => (s as { file: string }).file)),
    testEntrypoints: [...entrypoints['tests.wasm']].sort(compareText),
  };
}

/** Test rule names per test package (`ecolaura.encryption.rds_storage_test`), each list sorted. */
export function testsByPackage(entrypoints: readonly string[]): Map<string, string[]> {
  const byPackage = new Map<string, string[]>();
  for (const entrypoint of entrypoints) {
    const cut = entrypoint.lastIndexOf('/');
    const pkg = entrypoint.slice(0, cut).split('/').join('.');
    byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), entrypoint.slice(cut + 1)]);
  }
  for (const names of byPackage.values()) names.sort(compareText);
  return byPackage;
}
