/**
 * Every way the gate refuses to give a verdict. Each carries exit code 2: the gate fails closed,
 * so an input it cannot read or a bundle it cannot trust never turns into a pass.
 */

/** A file that cannot be read or parsed, or a document the gate does not know. */
export class GateInputError extends Error {
  readonly exitCode = 2;
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
export class GateBundleError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'GateBundleError';
  }
}

/** A malformed `policies/exceptions.yaml`: names the entry index and the field. */
export class GateExceptionsError extends Error {
  readonly exitCode = 2;
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(
      `${file}: ${problems.length} invalid exception ${problems.length === 1 ? 'entry' : 'entries'}:\n  ${problems.join('\n  ')}`,
    );
    this.name = 'GateExceptionsError';
  }
}

/** Bad command-line usage. */
export class GateUsageError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'GateUsageError';
  }
}

export type GateError = GateInputError | GateBundleError | GateExceptionsError | GateUsageError;

export function isGateError(error: unknown): error is GateError {
  return (
    error instanceof GateInputError ||
    error instanceof GateBundleError ||
    error instanceof GateExceptionsError ||
    error instanceof GateUsageError
  );
}
