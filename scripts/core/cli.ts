import { type Command, CommanderError } from 'commander';
import { isToolError } from './errors';
import { ExitCode } from './exit-code';

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
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return ExitCode.ok;
    return ExitCode.couldNotJudge;
  }
}

function configureUsageErrors(program: Command): void {
  program.exitOverride().configureOutput({
    outputError: (message, write) => write(`${usageErrorText(message)}\n`),
  });
}

/**
 * One command of the tools' program (`scripts/tools.ts`): its own file in `scripts/commands/`
 * parses its flags, calls the core and renders. Commands never import each other.
 */
export interface ToolCommand {
  /** What the command prints last when it throws, saying that no verdict or nothing was written. */
  readonly abortLine: string;
  /** Runs with the arguments after the command's name; resolves to the exit code. */
  run(args: readonly string[]): Promise<number>;
}

/**
 * Runs a command to its exit code. A throw means the command could not do its job: a `ToolError`
 * is reported by its message, anything else with its stack, then the command's abort line, and
 * the exit code is 2.
 */
export async function runCommand(command: ToolCommand, args: readonly string[]): Promise<number> {
  try {
    return await command.run(args);
  } catch (error) {
    if (isToolError(error)) {
      console.error(`error: ${error.message}`);
    } else {
      console.error(
        `error: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
    console.error(command.abortLine);
    return ExitCode.couldNotJudge;
  }
}
