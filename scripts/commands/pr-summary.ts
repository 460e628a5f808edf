/**
 * `npm run pr:summary -- [--base REF]`: the one page a reviewer of an infrastructure pull request
 * reads — what the change does to each environment's Terraform resources and Kubernetes objects,
 * the saved plans (deletes and replaces named), whether committed output matches a fresh synth,
 * and the policy verdict. Exit 0: written, nothing needs attention; 1: written, with drift or
 * unwaived violations; 2: not written (bad usage, a bad ref, an input that cannot be read).
 */

import { join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { parseCommandLine, type ToolCommand } from '../core/cli';
import { ExitCode } from '../core/exit-code';
import { todayOption } from '../core/iso-date';
import { REPO_ROOT } from '../core/repo-root';
import { writeFileAtomically } from '../core/write-file-atomically';
import { collectSummary } from '../pr-summary/collect-summary';
import { exitCodeOf, judge } from '../pr-summary/verdict';

/** Each page format loads only when asked for. */
const FORMATS = {
  markdown: async () => (await import('../pr-summary/format-markdown')).formatSummaryMarkdown,
  html: async () => (await import('../pr-summary/format-html')).formatSummaryHtml,
} as const;
type FormatName = keyof typeof FORMATS;

interface CliOptions {
  base?: string;
  format: FormatName;
  output?: string;
  today: string;
  root: string;
}

function buildProgram(): Command {
  return new Command('pr:summary')
    .description(
      'Summarize a pull request for its reviewer: changes to each environment since --base, the saved Terraform plans, drift from a fresh synth, and the policy verdict.',
    )
    .option('--base <ref>', 'Git ref to compare the working tree with, e.g. origin/main (default: no changes section)')
    .addOption(new Option('-f, --format <format>', 'page format').choices(Object.keys(FORMATS)).default('markdown'))
    .option('-o, --output <file>', 'write the page to a file (atomically) instead of stdout')
    .addOption(todayOption('judge policy exception expiry as of this day'))
    .option('--root <dir>', 'the repository (working tree) to summarize', process.cwd())
    .addHelpText(
      'after',
      `
Exit codes: 0 written, nothing needs attention; 1 written, with drift or unwaived
violations; 2 nothing written (bad usage, a ref that names no commit, an input
that cannot be read).

Examples:
  npm run -s pr:summary -- --base origin/main >> "$GITHUB_STEP_SUMMARY"
  npm run -s pr:summary -- --base origin/main --format html --output reports/pr-summary.html`,
    );
}

async function main(args: readonly string[]): Promise<number> {
  const program = buildProgram();
  const usageExit = parseCommandLine(program, args, 'user');
  if (usageExit !== undefined) return usageExit;
  if (program.args.length > 0) {
    console.error(`error: unexpected argument "${program.args[0]}"; pr:summary takes options only (see --help)`);
    return ExitCode.couldNotJudge;
  }
  const options = program.opts<CliOptions>();
  const started = performance.now();
  const summary = await collectSummary(
    {
      root: resolve(options.root),
      sourceRoot: REPO_ROOT,
      base: options.base,
      bundleDir: join(REPO_ROOT, 'policies', 'bundle'),
      exceptionsFile: join(REPO_ROOT, 'policies', 'exceptions.yaml'),
      today: options.today,
    },
    (line) => console.error(line),
  );
  const page = (await FORMATS[options.format]())(summary);
  if (options.output) {
    writeFileAtomically(resolve(options.output), page);
    console.error(`info: wrote the ${options.format} summary to ${options.output}`);
  } else {
    process.stdout.write(page);
  }
  const verdict = judge(summary);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(
    verdict.ready
      ? `info: pr:summary: ${verdict.headline.replace(/`/g, '')} (${seconds} s)`
      : `error: pr:summary: ${verdict.headline.replace(/`/g, '')} (${seconds} s)`,
  );
  return exitCodeOf(verdict);
}

export const prSummary: ToolCommand = {
  abortLine: 'error: pr:summary aborted: nothing written (exit 2)',
  run: main,
};
