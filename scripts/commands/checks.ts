/**
 * `npm test` (`npm run checks` after `check:install`): every check of the repository, cheapest first, each an npm script run as a user
 * would run it. The first that fails stops the run, and the closing line names the step, its exit
 * code and the fix, so a policy violation is reported in seconds instead of after Jest, and never
 * among side effects of later steps. `check:install` runs before this command (package.json):
 * the launcher needs esbuild, which is what it checks.
 */

import { spawnSync } from 'node:child_process';
import { Command } from 'commander';
import { parseCommandLine, type ToolCommand } from '../core/cli';
import { ExitCode } from '../core/exit-code';

interface Step {
  /** The npm script. */
  readonly script: string;
  /** What to do when it fails; its own output above says where. */
  readonly fix: string;
}

/** In order: each step needs the ones before it to mean anything (the gate reads tf:check's plans). */
export const TEST_STEPS: readonly Step[] = [
  { script: 'lint', fix: 'run `npm run format`, fix by hand what Biome cannot, and commit' },
  { script: 'typecheck', fix: 'fix the type errors tsc lists above (`npx tsc --noEmit` reruns it)' },
  { script: 'drift', fix: 'run `npm run synth` and commit the generated files' },
  {
    script: 'validate:manifests',
    fix: 'fix the construct under apps/ that writes the named manifest, then `npm run synth` and commit',
  },
  { script: 'policy:verify', fix: 'run `npm run policy:build` and commit policies/bundle/' },
  { script: 'tf:check', fix: 'fix the construct under terraform/ behind the named stack error, then `npm run synth`' },
  {
    script: 'gate',
    fix: 'fix each violation at its file:line in the TypeScript that generates it and `npm run synth`, or add a justified, expiring exception to policies/exceptions.yaml',
  },
  { script: 'unit', fix: 'fix the failing tests listed above (`npx jest <file>` reruns one)' },
];

function runStep(step: Step): number {
  const run = spawnSync('npm', ['run', '--silent', step.script], { stdio: 'inherit' });
  if (run.error) throw run.error;
  // A step killed by a signal has no status: it did not finish, so nothing was judged.
  return run.status ?? ExitCode.couldNotJudge;
}

async function main(args: readonly string[]): Promise<number> {
  const program = new Command('checks').description(
    `Run ${TEST_STEPS.map((s) => s.script).join(', ')} in that order; stop at the first failure and name its fix.`,
  );
  const usageExit = parseCommandLine(program, args, 'user');
  if (usageExit !== undefined) return usageExit;
  const started = performance.now();
  const timings: string[] = [];
  for (const step of TEST_STEPS) {
    const stepStarted = performance.now();
    const status = runStep(step);
    const seconds = (performance.now() - stepStarted) / 1000;
    timings.push(`${step.script} ${seconds.toFixed(1)} s`);
    if (status !== ExitCode.ok) {
      console.error(`error: npm test stopped at ${step.script} (exit ${status}); fix: ${step.fix}`);
      return status === ExitCode.findings ? ExitCode.findings : ExitCode.couldNotJudge;
    }
  }
  const total = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`info: npm test passed: ${timings.join(', ')}; ${total} s in all`);
  return ExitCode.ok;
}

export const checks: ToolCommand = {
  abortLine: 'error: npm test aborted: no verdict (exit 2)',
  run: main,
};
