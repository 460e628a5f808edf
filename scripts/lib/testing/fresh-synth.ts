/**
 * Test helper: a fresh synth of this repository's sources. Jest's global setup
 * (`scripts/testing/jest-global-setup.ts`) synthesizes once per run and every suite copies that
 * tree, so the suites that need a fresh synth share one instead of each paying for its own.
 */
import { cpSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runSynthProgram, SYNTH_PROGRAMS } from '../synth-programs';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** Holds the folder of the run's shared synth. */
export const SHARED_SYNTH_VARIABLE = 'ECOLAURA_TEST_SHARED_SYNTH';

/** Writes `terraform/cdktf.out/` and `clusters/` under `root` as `npm run synth` would; throws if a side fails. */
export async function synthInto(root: string): Promise<void> {
  const runs = await Promise.all(SYNTH_PROGRAMS.map((p) => runSynthProgram(p, join(root, p.committedDir), REPO_ROOT)));
  const failed = runs.find((run) => run.exitCode !== 0);
  if (failed) throw new Error(`${failed.program.name} synth failed:\n${failed.output}`);
}

/** The folder holding this Jest run's fresh synth (read it, never write it). */
export function sharedSynth(): string {
  const root = process.env[SHARED_SYNTH_VARIABLE];
  if (!root || !existsSync(root)) {
    throw new Error(
      `${SHARED_SYNTH_VARIABLE} names no folder: run the tests with Jest, whose global setup synthesizes`,
    );
  }
  return root;
}

/** Copies this run's fresh synth under `root`, as `npm run synth` would have written it there. */
export async function freshSynthInto(root: string): Promise<void> {
  const shared = sharedSynth();
  for (const { committedDir } of SYNTH_PROGRAMS) {
    cpSync(join(shared, committedDir), join(root, committedDir), { recursive: true });
  }
}
