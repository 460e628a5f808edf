/**
 * Loads the committed policy bundle and evaluates inputs with `@open-policy-agent/opa-wasm`.
 * Fails closed: a missing file, a hash that does not match the manifest, wasm that does not
 * load, an evaluation that throws or a result of the wrong shape is a GateBundleError (exit 2).
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type LoadedPolicy, loadPolicy } from '@open-policy-agent/opa-wasm';
import { policyVocabulary } from '../../environments/vocabulary';
import { compareText } from '../core/compare';
import { GateBundleError } from '../core/errors';
import { isRecord } from '../core/is-record';
import { isEnvironmentName } from '../core/source/location';
import { type Catalog, parseCatalog } from './catalog';
import { type PolicyInput, SEVERITIES, type Severity, type Violation } from './types';

export const DEFAULT_BUNDLE_DIR = 'policies/bundle';
export const VIOLATIONS_ENTRYPOINT = 'ecolaura/main/violations';
const BUNDLE_FILES = ['policy.wasm', 'data.json', 'catalog.json', 'manifest.json'] as const;
const REBUILD = 'run npm run policy:build';

export interface PolicyBundle {
  readonly dir: string;
  readonly catalog: Catalog;
  readonly manifest: Record<string, unknown>;
  /** Every violation of the input, deduplicated and sorted by file, line, policy, resource. */
  evaluate(input: PolicyInput): Violation[];
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function readBundleFile(dir: string, name: string): Buffer {
  const path = join(dir, name);
  if (!existsSync(path)) throw new GateBundleError(`policy bundle incomplete: ${path} is missing; ${REBUILD}`);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new GateBundleError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

function parseJsonFile(dir: string, name: string, bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new GateBundleError(`${join(dir, name)} is corrupt (${(error as Error).message}); ${REBUILD}`);
  }
}

/** The sha256 the manifest records for a bundle file, in either `{name: hex}` or `{name: {sha256}}` form. */
function recordedHash(manifest: Record<string, unknown>, name: string): string | undefined {
  const files = manifest.files;
  if (!isRecord(files)) return undefined;
  const entry = files[name];
  if (typeof entry === 'string') return entry;
  return isRecord(entry) && typeof entry.sha256 === 'string' ? entry.sha256 : undefined;
}

/** Every artifact the gate reads must carry the hash the build recorded, or the bundle is corrupt. */
function verifyManifest(dir: string, manifest: Record<string, unknown>, artifacts: Record<string, Buffer>): void {
  for (const [name, bytes] of Object.entries(artifacts)) {
    const expected = recordedHash(manifest, name);
    if (expected === undefined) {
      throw new GateBundleError(`${join(dir, 'manifest.json')} records no sha256 for ${name}; ${REBUILD}`);
    }
    const actual = sha256(bytes);
    if (actual !== expected) {
      throw new GateBundleError(
        `${join(dir, name)} does not match ${join(dir, 'manifest.json')} (sha256 ${actual.slice(0, 12)}…, recorded ${expected.slice(0, 12)}…): the bundle is corrupt or was edited by hand; ${REBUILD}`,
      );
    }
  }
}

/** opa-wasm throws strings and plain objects as well as Errors. */
function describeThrown(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (isRecord(error) && typeof error.message === 'string') return error.message;
  return String(error);
}

function checkViolation(raw: unknown, catalog: Catalog): Violation {
  const fail = (problem: string) =>
    new GateBundleError(
      `policy bundle returned a malformed violation (${problem}): ${JSON.stringify(raw).slice(0, 300)}`,
    );
  if (!isRecord(raw)) throw fail('not an object');
  const { policy, severity, title, resource, file, line, environment, message, path } = raw;
  if (typeof policy !== 'string' || !catalog.has(policy))
    throw fail(`policy ${JSON.stringify(policy)} is not in catalog.json`);
  if (typeof severity !== 'string' || !(SEVERITIES as readonly string[]).includes(severity)) throw fail('bad severity');
  if (typeof resource !== 'string' || typeof file !== 'string' || typeof message !== 'string') {
    throw fail('resource, file and message must be strings');
  }
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1) throw fail('line must be a positive integer');
  const isSegment = (segment: unknown) => typeof segment === 'string' || typeof segment === 'number';
  if (path !== undefined && path !== null && !(Array.isArray(path) && path.every(isSegment))) {
    throw fail('path must be a list of keys and indexes');
  }
  return {
    policy,
    severity: severity as Severity,
    title: typeof title === 'string' ? title : (catalog.get(policy)?.title ?? policy),
    resource,
    file,
    line,
    environment: isEnvironmentName(environment) ? environment : null,
    message,
    ...(Array.isArray(path) && path.length > 0 ? { path: path as (string | number)[] } : {}),
  };
}

export function compareViolations(a: Violation, b: Violation): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    compareText(a.policy, b.policy) ||
    compareText(a.resource, b.resource) ||
    compareText(a.message, b.message)
  );
}

/** Identical violations (same policy, resource, place and message) count once. */
export function dedupeAndSort(violations: readonly Violation[]): Violation[] {
  const unique = new Map<string, Violation>();
  for (const violation of violations) {
    unique.set(
      JSON.stringify([violation.policy, violation.resource, violation.file, violation.line, violation.message]),
      violation,
    );
  }
  return [...unique.values()].sort(compareViolations);
}

/** Evaluates one input on a loaded policy; exported so the fail-closed paths can be tested without a broken wasm. */
export function evaluateWith(
  policy: Pick<LoadedPolicy, 'evaluate'>,
  catalog: Catalog,
  input: PolicyInput,
): Violation[] {
  let resultSet: unknown;
  try {
    resultSet = policy.evaluate(input, VIOLATIONS_ENTRYPOINT);
  } catch (error) {
    throw new GateBundleError(`policy evaluation failed in wasm: ${describeThrown(error)}`);
  }
  // A defined rule yields exactly one result; anything else means the bundle is not what we built.
  const first = Array.isArray(resultSet) && resultSet.length === 1 ? resultSet[0] : undefined;
  if (!isRecord(first) || !Array.isArray(first.result)) {
    throw new GateBundleError(
      `policy evaluation of ${VIOLATIONS_ENTRYPOINT} returned ${JSON.stringify(resultSet).slice(0, 200)}, expected [{"result": [...]}]`,
    );
  }
  return dedupeAndSort(first.result.map((raw) => checkViolation(raw, catalog)));
}

export async function loadPolicyBundle(dir: string = DEFAULT_BUNDLE_DIR): Promise<PolicyBundle> {
  const [wasm, dataBytes, catalogBytes, manifestBytes] = BUNDLE_FILES.map((name) => readBundleFile(dir, name)) as [
    Buffer,
    Buffer,
    Buffer,
    Buffer,
  ];
  const manifest = parseJsonFile(dir, 'manifest.json', manifestBytes);
  if (!isRecord(manifest)) throw new GateBundleError(`${join(dir, 'manifest.json')} is not a JSON object; ${REBUILD}`);
  verifyManifest(dir, manifest, { 'policy.wasm': wasm, 'data.json': dataBytes, 'catalog.json': catalogBytes });
  const catalog = parseCatalog(parseJsonFile(dir, 'catalog.json', catalogBytes), join(dir, 'catalog.json'));
  const data = parseJsonFile(dir, 'data.json', dataBytes);
  if (!isRecord(data)) throw new GateBundleError(`${join(dir, 'data.json')} is not a JSON object; ${REBUILD}`);
  let policy: LoadedPolicy;
  try {
    policy = await loadPolicy(wasm);
    // The vocabulary (data.ecolaura.vocabulary) is data, not code: wasm holds none until it is set.
    // It is the model's as it is now, not as the bundle was built (data.json, which the Rego
    // tests read): model and gate cannot disagree, and an environment declared in the model is
    // judged by its name without a rebuild of the bundle.
    policy.setData({ ...data, ecolaura: { vocabulary: policyVocabulary() } });
  } catch (error) {
    throw new GateBundleError(
      `${join(dir, 'policy.wasm')} does not load as an OPA wasm module: ${describeThrown(error)}; ${REBUILD}`,
    );
  }
  if (!isRecord(policy.entrypoints) || !(VIOLATIONS_ENTRYPOINT in policy.entrypoints)) {
    throw new GateBundleError(`${join(dir, 'policy.wasm')} has no entrypoint ${VIOLATIONS_ENTRYPOINT}; ${REBUILD}`);
  }
  return { dir, catalog, manifest, evaluate: (input) => evaluateWith(policy, catalog, input) };
}
