/**
 * "The bundle is fresh", decided once: policies/bundle/manifest.json records a sha256 over the
 * sources it was built from (Rego and the vocabulary), the entrypoints and the opa version. The
 * catalog command, the auditor report and the bundle test all ask this module, so a report never
 * describes policies the gate no longer enforces. (`policy:build --check` and `policy:verify`
 * go further and rebuild the bytes.)
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ToolError } from '../core/errors';
import { POLICY_ENTRYPOINT, readRegoSources, STALE_BUNDLE, sourcesHash, testEntrypoints } from '../lib/opa-sources';

/** A missing, unreadable or stale bundle: nothing may be said about the policies it holds. */
export class StaleBundleError extends ToolError {
  override readonly name = 'StaleBundleError';
}

export interface RecordedSources {
  readonly opaVersion: string;
  readonly sourcesSha256: string;
  readonly sources: readonly { readonly file: string; readonly sha256: string }[];
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function readRecorded(root: string): RecordedSources {
  const path = join(root, 'policies', 'bundle', 'manifest.json');
  let raw: Partial<RecordedSources>;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new StaleBundleError(`${path}: ${(error as Error).message}; run npm run policy:build`);
  }
  if (typeof raw.sourcesSha256 !== 'string' || typeof raw.opaVersion !== 'string' || !Array.isArray(raw.sources)) {
    throw new StaleBundleError(`${path}: sourcesSha256, opaVersion or sources is missing; run npm run policy:build`);
  }
  return raw as RecordedSources;
}

/**
 * The sources under `root` that changed, appeared or disappeared since the bundle was built
 * (`entrypoints` when only the test rules moved); empty when the bundle is fresh.
 */
export function staleSources(root: string): string[] {
  const recorded = readRecorded(root);
  const sources = readRegoSources(root);
  const current = sourcesHash(sources, [POLICY_ENTRYPOINT, ...testEntrypoints(sources)], recorded.opaVersion);
  if (current === recorded.sourcesSha256) return [];
  const hashes = new Map(recorded.sources.map((s) => [s.file, s.sha256]));
  const changed = sources.filter((s) => hashes.get(s.file) !== sha256(s.text)).map((s) => s.file);
  const removed = [...hashes.keys()].filter((file) => !sources.some((s) => s.file === file));
  const named = [...changed, ...removed].sort();
  return named.length > 0 ? named : ['entrypoints'];
}

/** Throws StaleBundleError unless the bundle under `root` is fresh (staleSources names what changed). */
export function assertBundleFresh(root: string): void {
  if (staleSources(root).length > 0) throw new StaleBundleError(STALE_BUNDLE);
}
