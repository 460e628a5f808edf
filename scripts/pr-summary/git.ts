/**
 * The few Git questions the summary asks, through the `git` command line: which commit a ref
 * names, which generated files differ between it and the working tree, and a file's text there.
 */
import { spawnSync } from 'node:child_process';
import { compareText } from '../core/compare';
import { SummaryInputError } from './errors';

/** The folders that hold committed, generated output (DESIGN.md). */
export const GENERATED_DIRS = ['terraform/cdktf.out', 'clusters'] as const;

export type FileStatus = 'added' | 'deleted' | 'modified';

export interface FileChange {
  readonly status: FileStatus;
  /** Repository-relative, `/`-separated. */
  readonly file: string;
}

export interface BaseCommit {
  /** The ref as the user wrote it, e.g. `origin/main`. */
  readonly ref: string;
  /** The full commit hash it names. */
  readonly commit: string;
}

function git(root: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (run.error) throw new SummaryInputError(`cannot run git in ${root}: ${run.error.message}`);
  return { status: run.status, stdout: run.stdout, stderr: run.stderr.trim() };
}

/** The commit `ref` names; a ref that names none is bad usage, said with the fix. */
export function resolveBase(root: string, ref: string): BaseCommit {
  if (ref === '' || ref.startsWith('-')) {
    throw new SummaryInputError(`--base "${ref}" is not a Git ref; give a branch, tag or commit such as origin/main`);
  }
  const inside = git(root, ['rev-parse', '--is-inside-work-tree']);
  if (inside.status !== 0 || inside.stdout.trim() !== 'true') {
    throw new SummaryInputError(`${root} is not inside a Git working tree, so --base "${ref}" cannot be compared`);
  }
  const found = git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (found.status !== 0) {
    throw new SummaryInputError(
      `--base "${ref}" names no commit in ${root}; fetch it first (for example git fetch origin main) or pass another ref`,
    );
  }
  return { ref, commit: found.stdout.trim() };
}

const STATUS_LETTERS: Readonly<Record<string, FileStatus>> = { A: 'added', D: 'deleted', M: 'modified', T: 'modified' };

/**
 * Generated files that differ between `commit` and the working tree, plus untracked ones not
 * ignored (a synth not yet added), sorted by path. Renames count as a delete and an add: a
 * renamed manifest is a different Kubernetes object.
 */
export function changedGeneratedFiles(root: string, commit: string): FileChange[] {
  const diff = git(root, [
    'diff',
    '--name-status',
    '--no-renames',
    '--relative',
    '-z',
    commit,
    '--',
    ...GENERATED_DIRS,
  ]);
  if (diff.status !== 0) throw new SummaryInputError(`git diff against ${commit} failed: ${diff.stderr}`);
  const fields = diff.stdout.split('\0').filter((field) => field !== '');
  const changes = new Map<string, FileChange>();
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const letter = (fields[i] as string).charAt(0);
    const file = fields[i + 1] as string;
    const status = STATUS_LETTERS[letter];
    if (status === undefined) {
      throw new SummaryInputError(
        `git diff reports status "${fields[i]}" for ${file}; resolve it (for example a merge conflict) first`,
      );
    }
    changes.set(file, { status, file });
  }
  const untracked = git(root, ['ls-files', '--others', '--exclude-standard', '-z', '--', ...GENERATED_DIRS]);
  if (untracked.status !== 0) throw new SummaryInputError(`git ls-files failed: ${untracked.stderr}`);
  for (const file of untracked.stdout.split('\0').filter((field) => field !== '')) {
    changes.set(file, { status: 'added', file });
  }
  return [...changes.values()].sort((a, b) => compareText(a.file, b.file));
}

/** A file's text at `commit`; `file` is relative to `root`. */
export function fileAtCommit(root: string, commit: string, file: string): string {
  const shown = git(root, ['show', `${commit}:./${file}`]);
  if (shown.status !== 0) throw new SummaryInputError(`cannot read ${file} at ${commit}: ${shown.stderr}`);
  return shown.stdout;
}
