/** Runs the real gate CLI in a child process, as `npm run gate` does, for end-to-end tests. */

import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '..', '..', '..');
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');
const GATE = join(REPO, 'scripts', 'gate.ts');

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runGateCli(args: readonly string[], cwd: string): CliRun {
  const run = spawnSync(TSX, [GATE, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
