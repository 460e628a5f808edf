/**
 * `npm run drift`: fails when the committed Terraform JSON or Kubernetes manifests differ from a
 * fresh synth, so nobody edits generated files by hand or forgets to commit them.
 */
import { Command } from 'commander';
import { finishCli, parseCommandLine } from './lib/cli';
import { checkDrift, DRIFT_FIX, driftEntries } from './lib/drift-check';

const program = new Command('drift').description(
  'Compare committed synth output (terraform/cdktf.out, clusters/) with a fresh synth.',
);

async function main(): Promise<number> {
  const check = await checkDrift();
  if (check.status === 'synth-failed') {
    console.error(`error: ${check.failed.program.name} synth failed, so drift cannot be judged:`);
    console.error(check.failed.output.trimEnd().replace(/^/gm, '  '));
    return 2;
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
  const seconds = check.seconds.toFixed(1);
  if (drifted > 0) {
    console.error(`error: ${drifted} generated files drifted (${seconds} s); fix: ${DRIFT_FIX}`);
    return 1;
  }
  console.log(`info: no drift in generated output (${seconds} s)`);
  return 0;
}

const usageExit = parseCommandLine(program, process.argv);
if (usageExit === undefined) finishCli(main(), 'error: drift aborted: no verdict (exit 2)');
else process.exitCode = usageExit;
