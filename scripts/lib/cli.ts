import { type Command, CommanderError } from 'commander';

/**
 * Parses `argv` with a program built with `.exitOverride()`. Returns `undefined` when the
 * arguments are good, else the exit code to end with: 0 after `--help` or `--version`, 2 for bad
 * usage, after commander has said what was wrong and `abortLine` has said what that means.
 */
export function parseCommandLine(
  program: Command,
  argv: readonly string[],
  abortLine: string,
  printError: (line: string) => void = console.error,
): number | undefined {
  try {
    program.parse(argv as string[]);
    return undefined;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
    printError(abortLine);
    return 2;
  }
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
      process.exitCode = 2;
    },
  );
}
