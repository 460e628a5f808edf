/**
 * npm run policy:catalog — prints every policy's METADATA (policies/bundle/catalog.json) for
 * reports, after checking the bundle was built from the Rego sources as they are now, so a
 * report never describes policies the gate no longer enforces.
 */

import { renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Command } from 'commander';
import { parseCommandLine } from './lib/cli';
import { SEVERITIES } from './policy/catalog';
import { CatalogCommandError, loadFreshCatalog } from './policy/fresh-catalog';

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
