/**
 * Every way the gate refuses to give a verdict. Each carries exit code 2: the gate fails closed,
 * so an input it cannot read or a bundle it cannot trust never turns into a pass.
 */

/** The common base: an error the CLI reports as `error: …` and turns into exit code 2. */
export abstract class GateError extends Error {
  readonly exitCode = 2;
}

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

export function isGateError(error: unknown): error is GateError {
  return error instanceof GateError;
}
