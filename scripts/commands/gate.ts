/**
 * `npm run gate -- [paths…]`: the policy gate. Normalizes Terraform JSON, Terraform plans and
 * Kubernetes manifests, evaluates the committed wasm bundle, applies policies/exceptions.yaml
 * and reports. Exit 0: no unwaived violation; 1: at least one; 2: no verdict (bad usage,
 * unreadable or unknown input, missing or corrupt bundle, evaluation error) — never a pass.
 */

import { dirname, join, resolve } from 'node:path';
import { Command, Option } from 'commander';
import { isGateError } from './gate/errors';
import { isIsoDate } from './gate/exceptions';
import { summaryLine } from './gate/format-common';
import { FORMAT_NAMES, FORMATTERS, type FormatName } from './gate/formats';
import { runGate, supportWarnings } from './gate/run-gate';
import { writeFileAtomically } from './gate/write-file-atomically';
import { finishCli, parseCommandLine } from './lib/cli';

const REPO_ROOT = dirname(__dirname);

interface GateCliOptions {
  format: FormatName;
  output?: string;
  today: string;
  bundle: string;
  exceptions: string;
  root: string;
  evaluation: 'per-group' | 'all';
  writeInput?: string;
  verbose?: boolean;
}

function buildProgram(): Command {
  return new Command('gate')
    .description(
      'Evaluate the policy bundle against Terraform JSON, Terraform plans and Kubernetes manifests.\n' +
        'With no paths: terraform/cdktf.out/stacks/*/cdk.tf.json, clusters/ and .tfcheck/*/plan.json (when present).\n' +
        'Exit 0: no unwaived violation; 1: violations; 2: no verdict (bad input, bundle or usage).',
    )
    .argument('[paths...]', 'files or directories (walked recursively; .yaml, .yml and .json are gated)')
    .addOption(new Option('-f, --format <format>', 'report format').choices(FORMAT_NAMES).default('text'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option(
      '--today <date>',
      'judge exception expiry and support calendars as of this day, YYYY-MM-DD (UTC)',
      new Date().toISOString().slice(0, 10),
    )
    .option('--bundle <dir>', 'policy bundle directory', join(REPO_ROOT, 'policies', 'bundle'))
    .option('--exceptions <file>', 'exceptions file', join(REPO_ROOT, 'policies', 'exceptions.yaml'))
    .option('--root <dir>', 'directory paths are resolved and reported against', process.cwd())
    .addOption(
      new Option('--evaluation <mode>', 'evaluate each group on its own, or all resources at once')
        .choices(['per-group', 'all'])
        .default('per-group'),
    )
    .option('--write-input <file>', 'also write the normalized policy input (JSON), e.g. for opa eval')
    .option('-v, --verbose', 'list skipped files and the kind of every gated file');
}

async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  const usageExit = parseCommandLine(program, argv);
  if (usageExit !== undefined) return usageExit;
  const options = program.opts<GateCliOptions>();
  if (!isIsoDate(options.today)) {
    console.error(`error: --today "${options.today}" is not a date written YYYY-MM-DD`);
    return 2;
  }
  const root = resolve(options.root);
  const report = await runGate({
    paths: program.processedArgs[0] as string[],
    root,
    bundleDir: resolve(options.bundle),
    exceptionsFile: resolve(options.exceptions),
    today: options.today,
    evaluation: options.evaluation,
  });
  if (options.verbose) {
    for (const { file, reason } of report.skipped) console.error(`info: skipped ${file} (${reason})`);
    for (const { file, kind, resources } of report.files)
      console.error(`info: gated ${file} (${kind}, ${resources} resources)`);
  }
  // A stale plan is never silent, whatever the format: its verdict would describe another stack.
  for (const { file, reason } of report.stalePlans) {
    console.error(`warning: ${file}: stale plan, not judged: ${reason}; rerun npm run tf:check`);
  }
  for (const warning of supportWarnings(report.resources)) console.error(warning);
  const { collect, normalize, load, evaluate } = report.timings;
  console.error(
    `info: ${report.files.length} files, ${report.resourceCount} resources: collect ${collect.toFixed(2)} s, normalize ${normalize.toFixed(2)} s, load bundle ${load.toFixed(2)} s, evaluate ${evaluate.toFixed(2)} s`,
  );
  if (options.writeInput) {
    writeFileAtomically(resolve(options.writeInput), `${JSON.stringify({ resources: report.resources })}\n`);
    console.error(`info: wrote the policy input (${report.resourceCount} resources) to ${options.writeInput}`);
  }
  const rendered = FORMATTERS[options.format](report);
  if (options.output) {
    writeFileAtomically(resolve(options.output), rendered);
    console.error(`info: wrote ${options.format} report to ${options.output}`);
    console.error(summaryLine(report));
  } else {
    process.stdout.write(rendered);
    if (options.format !== 'text') console.error(summaryLine(report));
  }
  return report.findings.some((finding) => !finding.waived) ? 1 : 0;
}

finishCli(main(process.argv), 'error: gate aborted: no verdict (exit 2)', isGateError);
