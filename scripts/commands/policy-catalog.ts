/**
 * npm run policy:catalog — prints every policy's METADATA (policies/bundle/catalog.json) for
 * reports, after checking the bundle was built from the Rego sources as they are now, so a
 * report never describes policies the gate no longer enforces.
 */

import { resolve } from 'node:path';
import { Command } from 'commander';
import { parseCommandLine, type ToolCommand } from '../core/cli';
import { ExitCode } from '../core/exit-code';
import { writeFileAtomically } from '../core/write-file-atomically';
import { SEVERITIES } from '../policy/catalog';
import { loadFreshCatalog } from '../policy/fresh-catalog';

async function main(args: readonly string[]): Promise<number> {
  const program = new Command()
    .name('policy:catalog')
    .description("Print every policy's METADATA (policies/bundle/catalog.json), checked against the current Rego.")
    .option('--output <file>', 'write the catalog to this file instead of standard output');
  const usageExit = parseCommandLine(program, args, 'user');
  if (usageExit !== undefined) return usageExit;
  const options = program.opts<{ output?: string }>();
  const { raw, policies } = loadFreshCatalog();
  const text = `${JSON.stringify(raw, null, 2)}\n`;
  if (options.output) {
    writeFileAtomically(resolve(options.output), text);
    console.error(`info: wrote ${options.output}`);
  } else {
    process.stdout.write(text);
  }
  const bySeverity = SEVERITIES.map((s) => `${policies.filter((p) => p.severity === s).length} ${s}`).join(', ');
  console.error(`policy:catalog: ${policies.length} policies (${bySeverity})`);
  return ExitCode.ok;
}

export const policyCatalog: ToolCommand = {
  abortLine: 'error: policy:catalog aborted (exit 2)',
  run: main,
};
