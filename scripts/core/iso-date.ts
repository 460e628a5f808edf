/** Days as the tools take them on the command line (`--today`) and in files: YYYY-MM-DD, UTC. */

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

/** The one line every command prints for a bad `--today` (then it exits 2), or nothing when good. */
export function todayProblem(value: string): string | undefined {
  return isIsoDate(value) ? undefined : `error: --today "${value}" is not a date written YYYY-MM-DD`;
}
