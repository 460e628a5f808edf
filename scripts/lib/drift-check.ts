/**
 * The drift check as a library: runs both synth programs into a scratch folder and compares the
 * result with the committed output, file by file. `npm run drift` prints it; the pull-request
 * summary (`npm run pr:summary`) reports it next to the plan and the policy verdict.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderVocabularyFile, VOCABULARY_FILE } from '../../environments/vocabulary';
import { type ProgramRun, runSynthProgram, SYNTH_PROGRAMS, type SynthProgram } from './synth-programs';
import { diffTrees, type TreeDiff } from './tree-diff';

/** What to tell whoever has drifted output; both reports say it in these words. */
export const DRIFT_FIX = 'run `npm run synth` and commit the result';

/**
 * The policies' vocabulary is synth output too, written beside the policies rather than in a
 * program's folder: null when `root`'s committed file is what the model renders now, else what is
 * wrong with it.
 */
export function vocabularyDrift(root: string): string | null {
  const file = join(root, VOCABULARY_FILE);
  if (!existsSync(file)) return `${VOCABULARY_FILE} is missing`;
  if (readFileSync(file, 'utf8') === renderVocabularyFile()) return null;
  return `${VOCABULARY_FILE} differs from what environments/vocabulary.ts renders`;
}

/** One synth program's committed output compared with a fresh synth of it. */
export interface ProgramDrift {
  readonly program: SynthProgram;
  /** How long the fresh synth took. */
  readonly seconds: number;
  readonly diff: TreeDiff;
}

export type DriftCheck =
  | { readonly status: 'compared'; readonly programs: readonly ProgramDrift[]; readonly seconds: number }
  /** A synth program failed, so drift cannot be judged; its run carries the output to show. */
  | { readonly status: 'synth-failed'; readonly failed: ProgramRun; readonly seconds: number };

export interface DriftCheckOptions {
  /**
   * The repository whose sources are synthesized.
   * @default process.cwd()
   */
  readonly sourceRoot?: string;
  /**
   * Where the committed output (`terraform/cdktf.out/`, `clusters/`) is read from.
   * @default sourceRoot
   */
  readonly committedRoot?: string;
}

export type DriftKind = 'changed' | 'missing' | 'stale';

/** One drifted file, with what its kind means for a reader. */
export interface DriftEntry {
  readonly kind: DriftKind;
  readonly file: string;
  /** Empty for `changed`, whose meaning is plain. */
  readonly note: string;
}

/** Every drifted file of one program, changed first, then missing, then stale. */
export function driftEntries(diff: TreeDiff): DriftEntry[] {
  return [
    ...diff.changed.map((file) => ({ kind: 'changed' as const, file, note: '' })),
    ...diff.missing.map((file) => ({ kind: 'missing' as const, file, note: 'synth writes it, Git lacks it' })),
    ...diff.stale.map((file) => ({ kind: 'stale' as const, file, note: 'committed, no longer synthesized' })),
  ];
}

export async function checkDrift(options: DriftCheckOptions = {}): Promise<DriftCheck> {
  const sourceRoot = options.sourceRoot ?? process.cwd();
  const committedRoot = options.committedRoot ?? sourceRoot;
  const scratch = mkdtempSync(join(tmpdir(), 'ecolaura-drift-'));
  try {
    const started = Date.now();
    const elapsed = () => (Date.now() - started) / 1000;
    const runs = await Promise.all(
      SYNTH_PROGRAMS.map((p) => runSynthProgram(p, join(scratch, p.name, p.committedDir), sourceRoot)),
    );
    const failed = runs.find((run) => run.exitCode !== 0);
    if (failed) return { status: 'synth-failed', failed, seconds: elapsed() };
    const programs = runs.map(({ program, seconds }) => ({
      program,
      seconds,
      diff: diffTrees(
        join(committedRoot, program.committedDir),
        join(scratch, program.name, program.committedDir),
        program.committedDir,
      ),
    }));
    return { status: 'compared', programs, seconds: elapsed() };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
