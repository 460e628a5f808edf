/**
 * `npm run synth`: writes every environment's Terraform JSON and Kubernetes manifests to their
 * committed places. Each program validates the environment model first and swaps its output in
 * atomically, so a failure leaves the committed tree as it was.
 */
import { Command } from 'commander';
import { parseCommandLine, type ToolCommand } from '../core/cli';
import { ExitCode } from '../core/exit-code';
import { runSynthProgram, SYNTH_PROGRAMS } from '../lib/synth-programs';
import { writeVocabularyFile } from '../policy/vocabulary-file';

async function main(args: readonly string[]): Promise<number> {
  const program = new Command('synth')
    .description(
      'Synthesize Terraform (terraform/cdktf.out) and Kubernetes manifests (clusters/) for every environment.',
    )
    .option('--only <side>', 'synthesize one side only: terraform or kubernetes');
  const usageExit = parseCommandLine(program, args, 'user');
  if (usageExit !== undefined) return usageExit;
  const only = program.opts<{ only?: string }>().only;
  const selected = SYNTH_PROGRAMS.filter((p) => only === undefined || p.name === only);
  if (selected.length === 0) {
    console.error(`error: --only "${only}" is not a side; use terraform or kubernetes`);
    return ExitCode.couldNotJudge;
  }
  const started = Date.now();
  // The two programs share nothing but the model, so they run side by side on the two cores.
  const runs = await Promise.all(selected.map((p) => runSynthProgram(p, p.committedDir)));
  let failed = 0;
  for (const run of runs) {
    if (run.exitCode === 0) {
      console.log(`info: ${run.program.name}: wrote ${run.program.committedDir}/ in ${run.seconds.toFixed(1)} s`);
    } else {
      failed++;
      console.error(
        `error: ${run.program.name} synth (${run.program.entry}) failed after ${run.seconds.toFixed(1)} s:`,
      );
      console.error(run.output.trimEnd().replace(/^/gm, '  '));
    }
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (failed > 0) {
    console.error(
      `error: synth failed for ${failed} of ${runs.length} sides in ${seconds} s; committed output left as it was`,
    );
    return ExitCode.findings;
  }
  console.log(`info: wrote ${writeVocabularyFile(process.cwd())}, the model's words for the policies`);
  console.log(`info: synthesized ${runs.length} sides for every environment in ${seconds} s`);
  return ExitCode.ok;
}

export const synth: ToolCommand = {
  abortLine: 'error: synth aborted: nothing written (exit 2)',
  run: main,
};
