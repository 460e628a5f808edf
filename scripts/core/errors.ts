import { ExitCode } from './exit-code';

/**
 * The one error type of the tools: a command that throws it could not do its job, and the program
 * (`scripts/tools.ts`) reports its message as `error: …` (never a stack trace) and exits with its
 * code, always 2 "could not judge": a finding is a result, never an error. Anything else thrown
 * is a bug and is reported with its stack, also with exit 2. The classes below only shape the
 * message for the gate's cases; the gate fails closed, so an input it cannot read or a bundle it
 * cannot trust never turns into a pass.
 */
export class ToolError extends Error {
  readonly exitCode = ExitCode.couldNotJudge;
  override name = 'ToolError';
}

export function isToolError(error: unknown): error is ToolError {
  return error instanceof ToolError;
}

/** The gate's refusals, kept apart so tests can tell them apart. */
export abstract class GateError extends ToolError {}

/** A file that cannot be read or parsed, or a document the gate does not know. */
export class GateInputError extends GateError {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(`${line === null ? file : `${file}:${line}`}: ${problem}`);
    this.name = 'GateInputError';
  }
}

/** A missing, corrupt or inconsistent policy bundle, or a policy evaluation that failed. */
export class GateBundleError extends GateError {
  override name = 'GateBundleError';
}

/** A malformed `policies/exceptions.yaml`: names the entry index and the field. */
export class GateExceptionsError extends GateError {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`${file} is invalid (${count}):\n  ${problems.join('\n  ')}`);
    this.name = 'GateExceptionsError';
  }
}

/** Bad command-line usage. */
export class GateUsageError extends GateError {
  override name = 'GateUsageError';
}
