/**
 * The one program of the tools: `tools <command> [options]`. Each npm script is an alias of one
 * command (package.json); each command is one file of `scripts/commands/`, loaded only when it is
 * the one asked for, so a gate run never loads Terraform's or the policy build's code. Exit codes
 * are the core's (`core/exit-code.ts`): 0 ok, 1 findings, 2 could not judge.
 */

import { runCommand, type ToolCommand, usageErrorText } from './core/cli';
import { ExitCode } from './core/exit-code';

/** Every command: one line for `--help`, and its file, loaded only when it is the one run. */
const COMMANDS: Record<string, { readonly summary: string; readonly load: () => Promise<ToolCommand> }> = {
  synth: {
    summary: "write every environment's Terraform JSON and Kubernetes manifests (npm run synth)",
    load: async () => (await import('./commands/synth')).synth,
  },
  drift: {
    summary: 'compare the committed synth output with a fresh synth (npm run drift)',
    load: async () => (await import('./commands/drift')).drift,
  },
  'tf:check': {
    summary: 'terraform init, validate, plan and show -json for every environment (npm run tf:check)',
    load: async () => (await import('./commands/tf-check')).tfCheck,
  },
  'validate:manifests': {
    summary: 'schema and Argo CD consistency check of the Kubernetes manifests (npm run validate:manifests)',
    load: async () => (await import('./commands/validate-manifests')).validateManifests,
  },
  gate: {
    summary: 'evaluate the policy bundle and render the result (npm run gate)',
    load: async () => (await import('./commands/gate')).gate,
  },
  lifecycle: {
    summary: 'list every pinned version with the end of its support window (npm run lifecycle)',
    load: async () => (await import('./commands/lifecycle')).lifecycle,
  },
  checks: {
    summary: 'every check in order, cheapest first; stops at the first failure and names its fix (npm test)',
    load: async () => (await import('./commands/checks')).checks,
  },
  'policy:build': {
    summary: 'check, test and compile policies/ into policies/bundle/ (npm run policy:build)',
    load: async () => (await import('./commands/policy-build')).policyBuild,
  },
  'policy:verify': {
    summary: 'prove policies/bundle/ is what the committed Rego builds (npm run policy:verify)',
    load: async () => (await import('./commands/policy-verify')).policyVerify,
  },
  'policy:catalog': {
    summary: "print every policy's METADATA, checked against the current Rego (npm run policy:catalog)",
    load: async () => (await import('./commands/policy-catalog')).policyCatalog,
  },
  'policy:report': {
    summary: 'the auditor evidence report (npm run policy:report)',
    load: async () => (await import('./commands/policy-report')).policyReport,
  },
  'pr:summary': {
    summary: "the reviewer's page of a pull request (npm run pr:summary)",
    load: async () => (await import('./commands/pr-summary')).prSummary,
  },
  bench: {
    summary: 'time the gate against opa eval and our synth against the official CLIs (npm run bench)',
    load: async () => (await import('./commands/bench')).bench,
  },
};

export const COMMAND_NAMES = Object.keys(COMMANDS);

function help(): string {
  const lines = Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(20)}${summary}`);
  return `Usage: tools <command> [options]   (npm run <command> -- [options])\n\nCommands:\n${lines.join('\n')}\n\nEach command takes --help.\n`;
}

/** Runs one command with `args` (what follows the program's name) and resolves to the exit code. */
export async function runTools(args: readonly string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h') {
    process.stdout.write(help());
    return ExitCode.ok;
  }
  if (name === undefined) {
    process.stderr.write(`error: no command given (see --help)\n${help()}`);
    return ExitCode.couldNotJudge;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    console.error(usageErrorText(`error: unknown command '${name}'`));
    return ExitCode.couldNotJudge;
  }
  return runCommand(await command.load(), rest);
}

if (require.main === module) {
  runTools(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
