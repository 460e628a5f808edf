/**
 * The catalog as reports may use it: policies/bundle/catalog.json, once the bundle is proven
 * fresh (scripts/policy/bundle-freshness.ts) and every entry complete, so a report never
 * describes policies the gate no longer enforces.
 */

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ToolError } from '../core/errors';
import { readRegoSources } from '../lib/opa-sources';
import { assertBundleFresh, StaleBundleError } from './bundle-freshness';
import { policySources, SEVERITIES } from './catalog';
import type { CatalogEntry } from './catalog-entry';

const REPO_ROOT = resolve(__dirname, '..', '..');

/** A stale, unreadable or incomplete bundle: no report may describe it. */
export class CatalogCommandError extends ToolError {
  override readonly name = 'CatalogCommandError';
}

function readJson(repoRoot: string, name: string): unknown {
  const path = join(repoRoot, 'policies', 'bundle', name);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CatalogCommandError(`${path}: ${(error as Error).message}; run npm run policy:build`);
  }
}

/** The catalog's policies, once the manifest proves them current and each entry is complete. */
export function loadFreshCatalog(repoRoot: string = REPO_ROOT): { raw: unknown; policies: CatalogEntry[] } {
  try {
    assertBundleFresh(repoRoot);
  } catch (error) {
    if (error instanceof StaleBundleError) throw new CatalogCommandError(error.message);
    throw error;
  }
  const sources = readRegoSources(repoRoot);
  const raw = readJson(repoRoot, 'catalog.json');
  const policies = (raw as { policies?: CatalogEntry[] }).policies ?? [];
  const problems: string[] = [];
  const expected = new Set(policySources(sources).map((s) => s.file));
  for (const entry of policies) {
    if (!SEVERITIES.includes(entry.severity)) problems.push(`${entry.id}: bad severity`);
    if (!entry.title || !entry.remediation || entry.controls.length === 0) problems.push(`${entry.id}: incomplete`);
    if (!expected.delete(entry.file)) problems.push(`${entry.id}: ${entry.file} is not a policy source`);
  }
  for (const file of expected) problems.push(`${file}: missing from catalog.json`);
  if (problems.length > 0) throw new CatalogCommandError(`${problems.join('; ')}; run npm run policy:build`);
  return { raw, policies };
}
