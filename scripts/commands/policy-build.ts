/**
 * npm run policy:build — checks, tests and compiles the Rego policies into policies/bundle/ and
 * regenerates the policy table of policies/README.md (scripts/policy/build.ts does the work). A
 * failed step (opa check, Rego tests, catalog) is no verdict: exit 2.
 */

import { Command } from 'commander';
import { parseCommandLine, type ToolCommand } from '../core/cli';
import { ExitCode } from '../core/exit-code';
import { REPO_ROOT } from '../core/repo-root';
import { findOpa } from '../lib/opa-binary';
import { buildBundle, differingFiles, step, writeBuiltBundle } from '../policy/build';
import { README_FILE } from '../policy/readme-table';

async function main(args: readonly string[]): Promise<number> {
  const program = new Command()
    .name('policy:build')
    .description(
      'Check, test and compile policies/ into policies/bundle/ (policy.wasm, tests.wasm, catalog.json, manifest.json).',
    )
    .option('--check', 'build in memory and fail when the committed bundle differs, writing nothing')
    .option('--skip-rego-tests', 'skip `opa test` (tests.wasm still runs every test in Jest)');
  const usageExit = parseCommandLine(program, args, 'user');
  if (usageExit !== undefined) return usageExit;
  const options = program.opts<{ check?: boolean; skipRegoTests?: boolean }>();
  const started = performance.now();
  const opa = await step('find opa', () => findOpa(REPO_ROOT));
  console.log(`info: using opa ${opa.version} (${opa.origin}: ${opa.path})`);
  const built = await buildBundle(opa, !options.skipRegoTests);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const summary = `${built.catalog.length} policies, ${built.testCount} Rego tests, policy.wasm ${built.files['policy.wasm']?.length} bytes, tests.wasm ${built.files['tests.wasm']?.length} bytes`;
  if (options.check) {
    const stale = differingFiles(built);
    if (stale.length > 0) {
      console.error(`error: policies/bundle is stale (${stale.join(', ')} differ): run npm run policy:build`);
      return ExitCode.findings;
    }
    console.log(`policy:build --check: bundle up to date; ${summary} (${seconds} s)`);
    return ExitCode.ok;
  }
  await step(`write policies/bundle and ${README_FILE}`, () => writeBuiltBundle(built));
  console.log(`policy:build: wrote policies/bundle: ${summary} (${seconds} s)`);
  return ExitCode.ok;
}

export const policyBuild: ToolCommand = {
  abortLine: 'error: policy:build aborted (exit 2)',
  run: main,
};
