/**
 * The one program of the tools: `tools <command> [options]`. Each npm script is an alias of one
 * command (package.json); each command is one file of `scripts/commands/`, loaded only when it is
 * the one asked for, so a gate run never loads Terraform's or the policy build's code. Exit codes
 * are the core's (`core/exit-code.ts`): 0 ok, 1 findings, 2 could not judge.
 */

import { runCommand, type ToolCommand, usageErrorText } from './core/cli';
import { ExitCode } from './core/exit-code';

const COMMANDS: Record<string, () => Promise<ToolCommand>> = {
  synth: async () => (await import('./commands/synth')).synth,
  drift: async () => (await import('./commands/drift')).drift,
  'tf:check': async () => (await import('./commands/tf-check')).tfCheck,
  'validate:manifests': async () => (await import('./commands/validate-manifests')).validateManifests,
  gate: async () => (await import('./commands/gate')).gate,
  lifecycle: async () => (await import('./commands/lifecycle')).lifecycle,
  'policy:build': async () => (await import('./commands/policy-build')).policyBuild,
  'policy:verify': async () => (await import('./commands/policy-verify')).policyVerify,
  'policy:catalog': async () => (await import('./commands/policy-catalog')).policyCatalog,
  'policy:report': async () => (await import('./commands/policy-report')).policyReport,
  'pr:summary': async () => (await import('./commands/pr-summary')).prSummary,
};

export const COMMAND_NAMES = Object.keys(COMMANDS);

async function help(): Promise<string> {
  const lines = await Promise.all(
    COMMAND_NAMES.map(async (name) => `  ${name.padEnd(20)}${(await COMMANDS[name]?.())?.summary ?? ''}`),
  );
  return `Usage: tools <command> [options]   (npm run <command> -- [options])\n\nCommands:\n${lines.join('\n')}\n\nEach command takes --help.\n`;
}

/** Runs one command with `args` (what follows the program's name) and resolves to the exit code. */
export async function runTools(args: readonly string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h') {
    process.stdout.write(await help());
    return name === undefined ? ExitCode.couldNotJudge : ExitCode.ok;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (load === undefined) {
    console.error(usageErrorText(`error: unknown command '${name}'`));
    return ExitCode.couldNotJudge;
  }
  return runCommand(await load(), rest);
}

if (require.main === module) {
  runTools(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
