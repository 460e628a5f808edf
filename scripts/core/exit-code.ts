/**
 * The exit codes every command of the tools ends with, each meaning one thing (scripts/README.md,
 * "Exit codes"): 0 the job is done and found nothing wrong (`--help` too); 1 it is done and found
 * something (violations, drift, evidence gaps, a failed plan, a bundle that is not what the Rego
 * builds); 2 it could not judge (bad usage, unreadable or unknown input, a missing or stale input
 * it relies on, a missing toolchain), so there is no verdict.
 */
export const ExitCode = { ok: 0, findings: 1, couldNotJudge: 2 } as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
