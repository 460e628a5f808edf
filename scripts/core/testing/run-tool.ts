/** Runs one command of the tools' program in a child process, exactly as its npm script does. */

import { type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from '../repo-root';

/** The launcher every npm script runs (package.json). */
export const TOOLS_LAUNCHER = join(REPO_ROOT, 'scripts', 'run-tools.js');

export interface ToolRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runTool(
  command: string,
  args: readonly string[],
  options: Omit<SpawnSyncOptions, 'encoding'> = {},
): ToolRun {
  const run = spawnSync(process.execPath, [TOOLS_LAUNCHER, command, ...args], {
    cwd: REPO_ROOT,
    timeout: 120_000,
    ...options,
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}
