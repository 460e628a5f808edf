/**
 * `npm run policy:verify`: proves that the committed policies/bundle/ was built from the committed
 * Rego. The gate's own check compares artifacts with the hashes in manifest.json, which sits in
 * the same commit: someone can build policy.wasm from altered Rego, commit the unaltered Rego and
 * an edited manifest, and that check passes. This one rebuilds policy.wasm, tests.wasm,
 * catalog.json and manifest.json from the Rego with the OPA version manifest.json records and
 * compares bytes. Exit 0: every byte matches. 1: the bundle is not what the Rego builds (the files
 * are named). 2: no verdict — the toolchain is missing or its version is not the recorded one;
 * never a silent pass. The build embeds only repository-relative paths and the OPA version, so
 * the same Rego and OPA give the same bytes on every machine.
 */

import { resolve } from 'node:path';
import { Command } from 'commander';
import { parseCommandLine, type ToolCommand } from '../core/cli';
import { ExitCode } from '../core/exit-code';
import { REPO_ROOT } from '../core/repo-root';
import { NoVerdictError, verifyBundle } from '../policy/verify';

async function main(args: readonly string[]): Promise<number> {
  const program = new Command('policy:verify')
    .description(
      'Rebuild policies/bundle/ from the committed Rego with the recorded OPA version and compare bytes.\n' +
        'Exit 0: the bundle is what the Rego builds; 1: it is not (files named); 2: no verdict (toolchain missing or another version).',
    )
    .option('--root <dir>', 'repository whose policies/ and policies/bundle/ are verified', REPO_ROOT);
  const usageExit = parseCommandLine(program, args, 'user');
  if (usageExit !== undefined) return usageExit;
  const started = performance.now();
  const root = resolve(program.opts<{ root: string }>().root);
  let outcome: Awaited<ReturnType<typeof verifyBundle>>;
  try {
    outcome = await verifyBundle(root);
  } catch (error) {
    if (error instanceof NoVerdictError) {
      console.error(`error: ${error.message}`);
      console.error('error: policy:verify: no verdict (exit 2)');
      return ExitCode.couldNotJudge;
    }
    throw error;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (outcome.differing.length > 0) {
    console.error(
      `error: policies/bundle is not what the committed Rego builds with opa ${outcome.opaVersion}: ${outcome.differing.join(', ')} differ. ` +
        'Rebuild it with npm run policy:build and commit the result; if you did not change the Rego, find out who changed the bundle.',
    );
    console.error(`error: policy:verify failed in ${seconds} s`);
    return ExitCode.findings;
  }
  console.error(
    `info: policy:verify: policy.wasm, tests.wasm, catalog.json and manifest.json are byte-identical to a rebuild from the Rego with opa ${outcome.opaVersion} (${seconds} s)`,
  );
  return ExitCode.ok;
}

export const policyVerify: ToolCommand = {
  abortLine: 'error: policy:verify aborted: no verdict (exit 2)',
  run: main,
};
