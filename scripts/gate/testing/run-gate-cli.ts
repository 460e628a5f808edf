/** Runs the real gate command in a child process, as `npm run gate` does, for end-to-end tests. */

import { runTool, type ToolRun } from '../../core/testing/run-tool';

export type CliRun = ToolRun;

export function runGateCli(args: readonly string[], cwd: string): CliRun {
  return runTool('gate', args, { cwd });
}
