/**
 * Runs a command and measures its wall time and peak resident memory. The memory comes from
 * GNU time (`/usr/bin/time -f %M`): the kernel's maximum RSS of the largest process the command
 * ran, which Node cannot see for a child.
 */

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ToolError } from '../core/errors';

export const GNU_TIME = '/usr/bin/time';

export interface CommandRun {
  readonly seconds: number;
  /** Peak resident set size in MB (10^6 bytes). */
  readonly peakRssMb: number;
  readonly status: number;
  readonly stderr: string;
}

/** The bench cannot run (a command failed, a tool is missing): no table, exit 2. */
export class BenchSetupError extends ToolError {}

/** Runs `command` (program and arguments) in `cwd`, its stdout discarded. */
export function measureCommand(
  command: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): CommandRun {
  if (!existsSync(GNU_TIME)) {
    throw new BenchSetupError(`${GNU_TIME} (GNU time) is needed to read peak memory; install the "time" package`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-time-'));
  const rssFile = join(dir, 'rss');
  try {
    const started = process.hrtime.bigint();
    const result = spawnSync(GNU_TIME, ['-f', '%M', '-o', rssFile, ...command], {
      cwd,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const kilobytes = Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop());
    return {
      seconds,
      peakRssMb: (kilobytes * 1024) / 1e6,
      status: result.status ?? 1,
      stderr: result.stderr?.toString() ?? '',
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
