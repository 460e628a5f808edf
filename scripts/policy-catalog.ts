/**
 * npm run policy:catalog — prints every policy's METADATA (policies/bundle/catalog.json) for
 * reports, after checking the bundle was built from the Rego sources as they are now, so a
 * report never describes policies the gate no longer enforces.
 */

import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command } from 'commander';
import { parseCommandLine } from './lib/cli';
import { policySources, SEVERITIES } from './lib/opa-catalog';
import { readRegoSources } from './lib/opa-sources';
import { assertBundleFresh, StaleBundleError } from './policy/bundle-freshness';
import type { CatalogEntry } from './policy/catalog-entry';

const REPO_ROOT = resolve(__dirname, '..');

/** A stale, unreadable or incomplete bundle: no report may describe it. */
export class CatalogCommandError extends Error {
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

function main(argv: string[]): number {
  const program = new Command()
    .name('policy:catalog')
    .description("Print every policy's METADATA (policies/bundle/catalog.json), checked against the current Rego.")
    .option('--output <file>', 'write the catalog to this file instead of standard output');
  const usageExit = parseCommandLine(program, argv);
  if (usageExit !== undefined) return usageExit;
  const options = program.opts<{ output?: string }>();
  const { raw, policies } = loadFreshCatalog();
  const text = `${JSON.stringify(raw, null, 2)}\n`;
  if (options.output) {
    const temporary = join(dirname(resolve(options.output)), `.policy-catalog-${process.pid}.tmp`);
    writeFileSync(temporary, text);
    renameSync(temporary, resolve(options.output));
    console.error(`info: wrote ${options.output}`);
  } else {
    process.stdout.write(text);
  }
  const bySeverity = SEVERITIES.map((s) => `${policies.filter((p) => p.severity === s).length} ${s}`).join(', ');
  console.error(`policy:catalog: ${policies.length} policies (${bySeverity})`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv);
  } catch (error) {
    const known = error instanceof CatalogCommandError;
    console.error(`error: ${known ? (error as Error).message : (error as Error).stack}`);
    process.exit(known ? 1 : 2);
  }
}
