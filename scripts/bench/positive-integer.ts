import { InvalidArgumentError } from 'commander';

/** Commander argument parser for a count: a usage error (exit 2) unless a positive integer. */
export function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError(`"${value}" is not a positive integer`);
  return parsed;
}
