/** Test helper: a fresh synth of this repository's sources written below another root. */
import { join, resolve } from 'node:path';
import { runSynthProgram, SYNTH_PROGRAMS } from '../synth-programs';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** Writes `terraform/cdktf.out/` and `clusters/` under `root` as `npm run synth` would; throws if a side fails. */
export async function freshSynthInto(root: string): Promise<void> {
  const runs = await Promise.all(SYNTH_PROGRAMS.map((p) => runSynthProgram(p, join(root, p.committedDir), REPO_ROOT)));
  const failed = runs.find((run) => run.exitCode !== 0);
  if (failed) throw new Error(`${failed.program.name} synth failed:\n${failed.output}`);
}
