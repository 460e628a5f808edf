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
  json: async () => (await import('../pr-summary/format-json')).formatSummaryJson,
} as const;
type FormatName = keyof typeof FORMATS;

interface CliOptions {
  base?: string;
  markdown?: string;
  html?: string;
  json?: string;
  realBackend: boolean;
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
    .option('--markdown <file>', 'also write the Markdown page to this file (one run, every format)')
    .option('--html <file>', 'also write the HTML page to this file')
    .option(
      '--real-backend',
      "plan each changed stack against its environment's deployed state in S3 (needs AWS credentials) instead of the base's synthetic state",
      false,
    )
    .option('--json <file>', 'also write the JSON summary to this file (schema: scripts/README.md)')
    .addOption(todayOption('judge policy exception expiry as of this day'))
    .option('--root <dir>', 'the repository (working tree) to summarize', process.cwd())
    .addHelpText(
      'after',
      `
With --base, every stack whose cdk.tf.json changed is planned offline: the base's
plan becomes a synthetic state, and the head is planned against it, so the AWS
provider decides update, replace (and why) and delete. Results are cached under
.tfcheck/pr-summary/ by the stacks' sha256. Destructive changes to data need a
commit trailer "Acknowledge-destroy: <stack> <address>" in base..HEAD.

Exit codes: 0 written, nothing needs attention; 1 written, with drift, unwaived
violations, missing or stale plans, no base or unacknowledged destructive
changes; 2 nothing written (bad usage, a ref that names no commit, an input
that cannot be read, a plan that failed).

Examples:
  npm run -s pr:summary -- --base origin/main >> "$GITHUB_STEP_SUMMARY"
  npm run -s pr:summary -- --base origin/main --markdown reports/pr-summary.md --html reports/pr-summary.html --json reports/pr-summary.json`,
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
      realBackend: options.realBackend,
    },
    (line) => console.error(line),
  );
  for (const format of ['markdown', 'html', 'json'] as const) {
    const file = options[format];
    if (file === undefined) continue;
    writeFileAtomically(resolve(file), (await FORMATS[format]())(summary));
    console.error(`info: wrote the ${format} summary to ${file}`);
  }
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
