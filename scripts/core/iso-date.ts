/** Days as the tools take them on the command line (`--today`) and in files: YYYY-MM-DD, UTC. */

import { InvalidArgumentError, Option } from 'commander';

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** Today in UTC, the default of every `--today`. */
export function utcToday(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Every command's `--today <date>`, default today (UTC). A day that does not exist is bad usage,
 * reported by commander in the shared wording (`core/cli.ts`) before the command does anything.
 */
export function todayOption(description: string): Option {
  return new Option('--today <date>', `${description}, YYYY-MM-DD (UTC)`).default(utcToday()).argParser((value) => {
    if (!isIsoDate(value)) throw new InvalidArgumentError(`"${value}" is not a date written YYYY-MM-DD.`);
    return value;
  });
}
