/** Test helper: throwaway Git repositories whose history the tests write file by file. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Identity and signing set per command, so the tests never depend on the machine's Git config. */
const GIT_CONFIG = [
  '-c',
  'user.name=pr-summary test',
  '-c',
  'user.email=pr-summary@example.invalid',
  '-c',
  'commit.gpgsign=false',
];

export function git(root: string, args: readonly string[]): string {
  return execFileSync('git', [...GIT_CONFIG, ...args], { cwd: root, encoding: 'utf8' });
}

export function tempGitRepo(prefix = 'pr-summary-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  git(root, ['init', '-q']);
  return root;
}

/** Writes each file (creating folders); `null` deletes it. */
export function writeFiles(root: string, files: Readonly<Record<string, string | null>>): void {
  for (const [file, content] of Object.entries(files)) {
    const path = join(root, file);
    if (content === null) {
      rmSync(path, { force: true });
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
  }
}

/** Stages everything and commits; returns the new commit's hash. */
export function commitAll(root: string, message: string): string {
  git(root, ['add', '-A']);
  git(root, ['commit', '-q', '--allow-empty', '-m', message]);
  return git(root, ['rev-parse', 'HEAD']).trim();
}
