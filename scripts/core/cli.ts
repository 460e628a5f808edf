import { type Command, CommanderError } from 'commander';

/**
 * The exit codes every command of `scripts/` ends with (scripts/README.md, "Exit codes"): 0 the
 * job is done and found nothing wrong, 1 it found something (violations, drift, a failed plan),
 * 2 it could not judge (bad usage, unreadable input, a missing toolchain).
 */
export const EXIT_CODES = { ok: 0, findings: 1, noVerdict: 2 } as const;

/**
 * The one line a usage error prints, whichever command: commander's own message with the pointer
 * to `--help`, e.g. `error: unknown option '--x' (see --help)`. A "did you mean" hint follows on
 * its own line.
 */
export function usageErrorText(commanderMessage: string): string {
  const [first = '', ...rest] = commanderMessage.trimEnd().split('\n');
  return [`${first} (see --help)`, ...rest].join('\n');
}

/**
 * Parses `argv` the same way for every command: commander throws instead of exiting, and says
 * what was wrong in the shared wording (`usageErrorText`) through the program's own error output.
 * Returns `undefined` when the arguments are good, else the exit code to end with: 0 after
 * `--help` or `--version`, 2 for bad usage.
 */
export function parseCommandLine(
  program: Command,
  argv: readonly string[],
  from: 'node' | 'user' = 'node',
): number | undefined {
  configureUsageErrors(program);
  try {
    program.parse([...argv], { from });
    return undefined;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_CODES.ok;
    return EXIT_CODES.noVerdict;
  }
}

function configureUsageErrors(program: Command): void {
  program.exitOverride().configureOutput({
    outputError: (message, write) => write(`${usageErrorText(message)}\n`),
  });
}

/**
 * Ends a command with `main`'s exit code. A throw means the command could not do its job: an
 * error it expected (`isExpected`) is reported by its message, anything else with its stack, then
 * `abortLine`, and the exit code is 2.
 */
export function finishCli(
  main: Promise<number>,
  abortLine: string,
  isExpected: (error: unknown) => error is Error = (_error): _error is Error => false,
): void {
  main.then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (isExpected(error)) {
        console.error(`error: ${error.message}`);
      } else {
        console.error(
          `error: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
      }
      console.error(abortLine);
      process.exitCode = EXIT_CODES.noVerdict;
    },
  );
}
