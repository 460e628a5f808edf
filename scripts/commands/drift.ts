/**
 * `npm run drift`: fails when the committed Terraform JSON, Kubernetes manifests or the policies'
 * vocabulary differ from a fresh synth, so nobody edits generated files by hand or forgets to
 * commit them.
 */
import { Command } from 'commander';
import { parseCommandLine, type ToolCommand } from '../core/cli';
import { ExitCode } from '../core/exit-code';
import { REPO_ROOT } from '../core/repo-root';
import { checkDrift, DRIFT_FIX, driftEntries, vocabularyDrift } from '../lib/drift-check';

async function main(args: readonly string[]): Promise<number> {
  const program = new Command('drift').description(
    'Compare committed synth output (terraform/cdktf.out, clusters/) with a fresh synth.',
  );
  const usageExit = parseCommandLine(program, args, 'user');
  if (usageExit !== undefined) return usageExit;
  const check = await checkDrift();
  if (check.status === 'synth-failed') {
    console.error(`error: ${check.failed.program.name} synth failed, so drift cannot be judged:`);
    console.error(check.failed.output.trimEnd().replace(/^/gm, '  '));
    return ExitCode.couldNotJudge;
  }
  let drifted = 0;
  for (const { program, seconds, diff } of check.programs) {
    const lines = driftEntries(diff).map(
      ({ kind, file, note }) => `  ${`${kind}:`.padEnd(11)}${file}${note ? ` (${note})` : ''}`,
    );
    drifted += lines.length;
    if (lines.length === 0) {
      console.log(`info: ${program.name}: ${program.committedDir}/ matches a fresh synth (${seconds.toFixed(1)} s)`);
    } else {
      console.error(`error: ${program.name}: ${program.committedDir}/ differs from a fresh synth:`);
      console.error(lines.join('\n'));
    }
  }
  const vocabulary = vocabularyDrift(REPO_ROOT);
  if (vocabulary === null) {
    console.log('info: vocabulary: policies/vocabulary.json matches the model');
  } else {
    console.error(`error: vocabulary: ${vocabulary}`);
    drifted += 1;
  }
  const seconds = check.seconds.toFixed(1);
  if (drifted > 0) {
    console.error(`error: ${drifted} generated files drifted (${seconds} s); fix: ${DRIFT_FIX}`);
    return ExitCode.findings;
  }
  console.log(`info: no drift in generated output (${seconds} s)`);
  return ExitCode.ok;
}

export const drift: ToolCommand = {
  abortLine: 'error: drift aborted: no verdict (exit 2)',
  run: main,
};
