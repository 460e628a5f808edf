/**
 * `npm run drift`: fails when the committed Terraform JSON or Kubernetes manifests differ from a
 * fresh synth, so nobody edits generated files by hand or forgets to commit them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { runSynthProgram, SYNTH_PROGRAMS } from './lib/synth-programs';
import { diffTrees } from './lib/tree-diff';

new Command('drift')
  .description('Compare committed synth output (terraform/cdktf.out, clusters/) with a fresh synth.')
  .parse();

async function main(): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'ecolaura-drift-'));
  try {
    const started = Date.now();
    const runs = await Promise.all(
      SYNTH_PROGRAMS.map((p) => runSynthProgram(p, join(scratch, p.name, p.committedDir))),
    );
    const failedRun = runs.find((run) => run.exitCode !== 0);
    if (failedRun) {
      console.error(`error: ${failedRun.program.name} synth failed, so drift cannot be judged:`);
      console.error(failedRun.output.trimEnd().replace(/^/gm, '  '));
      return 2;
    }
    let drifted = 0;
    for (const run of runs) {
      const { committedDir } = run.program;
      const diff = diffTrees(committedDir, join(scratch, run.program.name, committedDir), committedDir);
      const lines = [
        ...diff.changed.map((f) => `  changed:   ${f}`),
        ...diff.missing.map((f) => `  missing:   ${f} (synth writes it, Git lacks it)`),
        ...diff.stale.map((f) => `  stale:     ${f} (committed, no longer synthesized)`),
      ];
      drifted += lines.length;
      if (lines.length === 0) {
        console.log(`info: ${run.program.name}: ${committedDir}/ matches a fresh synth (${run.seconds.toFixed(1)} s)`);
      } else {
        console.error(`error: ${run.program.name}: ${committedDir}/ differs from a fresh synth:`);
        console.error(lines.join('\n'));
      }
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (drifted > 0) {
      console.error(
        `error: ${drifted} generated files drifted (${seconds} s); fix: run \`npm run synth\` and commit the result`,
      );
      return 1;
    }
    console.log(`info: no drift in generated output (${seconds} s)`);
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
