/**
 * `gate [paths…]`: the policy gate. Normalizes Terraform JSON, Terraform plans and Kubernetes
 * manifests, evaluates the committed wasm bundle, applies policies/exceptions.yaml and renders
 * the one result in every format asked for (`--format F --output FILE`, repeatable; one format
 * without a file goes to stdout). Exit 0: no unwaived violation; 1: at least one; 2: no verdict
 * (bad usage, unreadable or unknown input, missing or corrupt bundle, evaluation error).
 */

import { join, resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { parseCommandLine, type ToolCommand } from '../core/cli';
import { ExitCode } from '../core/exit-code';
import { todayOption } from '../core/iso-date';
import { REPO_ROOT } from '../core/repo-root';
import { writeFileAtomically } from '../core/write-file-atomically';
import { runGate, supportWarnings } from '../gate/run-gate';
import { summaryLine } from '../render/format-common';
import { FORMAT_NAMES, type FormatName, isFormatName, loadFormatter } from '../render/formats';

interface GateCliOptions {
  format: FormatName[];
  output: string[];
  today: string;
  bundle: string;
  exceptions: string;
  root: string;
  evaluation: 'per-group' | 'all';
  writeInput?: string;
  verbose?: boolean;
}

/** One rendering of the result: a format and the file it goes to (none: stdout). */
interface Rendering {
  readonly format: FormatName;
  readonly output?: string;
}

function collectFormat(value: string, previous: FormatName[]): FormatName[] {
  if (!isFormatName(value)) throw new InvalidArgumentError(`Allowed choices are ${FORMAT_NAMES.join(', ')}.`);
  return [...previous, value];
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function buildProgram(): Command {
  return new Command('gate')
    .description(
      'Evaluate the policy bundle against Terraform JSON, Terraform plans and Kubernetes manifests.\n' +
        'With no paths: terraform/cdktf.out/stacks/*/cdk.tf.json, clusters/ and .tfcheck/*/plan.json (when present).\n' +
        'Evaluates once and renders every --format asked for: the n-th --format goes to the n-th --output;\n' +
        'one --format more than there are --output files goes to stdout.\n' +
        'Exit 0: no unwaived violation; 1: violations; 2: no verdict (bad input, bundle or usage).',
    )
    .argument('[paths...]', 'files or directories (walked recursively; .yaml, .yml and .json are gated)')
    .option(
      `-f, --format <format>`,
      `report format, repeatable (choices: ${FORMAT_NAMES.join(', ')}; default: text)`,
      collectFormat,
      [],
    )
    .option(
      '-o, --output <file>',
      'write the matching report to a file (atomically) instead of stdout, repeatable',
      collect,
      [],
    )
    .addOption(todayOption('judge exception expiry and support calendars as of this day'))
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

/** Pairs formats with outputs in order; a problem is bad usage. */
function renderings(formats: readonly FormatName[], outputs: readonly string[]): Rendering[] | string {
  const asked: readonly FormatName[] = formats.length > 0 ? formats : ['text'];
  if (outputs.length > asked.length) {
    return `error: ${outputs.length} --output files for ${asked.length} --format (see --help)`;
  }
  if (asked.length > outputs.length + 1) {
    return 'error: only one report can go to stdout: give each --format but one an --output (see --help)';
  }
  const resolved = outputs.map((output) => resolve(output));
  if (new Set(resolved).size !== resolved.length) return 'error: the same --output file is named twice (see --help)';
  return asked.map((format, index) => ({ format, output: outputs[index] }));
}

async function main(args: readonly string[]): Promise<number> {
  const program = buildProgram();
  const usageExit = parseCommandLine(program, args, 'user');
  if (usageExit !== undefined) return usageExit;
  const options = program.opts<GateCliOptions>();
  const plan = renderings(options.format, options.output);
  if (typeof plan === 'string') {
    console.error(plan);
    return ExitCode.couldNotJudge;
  }
  const report = await runGate({
    paths: program.processedArgs[0] as string[],
    root: resolve(options.root),
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
  const { collect: collected, normalize, load, evaluate } = report.timings;
  console.error(
    `info: ${report.files.length} files, ${report.resourceCount} resources: collect ${collected.toFixed(2)} s, normalize ${normalize.toFixed(2)} s, load bundle ${load.toFixed(2)} s, evaluate ${evaluate.toFixed(2)} s`,
  );
  if (options.writeInput) {
    writeFileAtomically(resolve(options.writeInput), `${JSON.stringify({ resources: report.resources })}\n`);
    console.error(`info: wrote the policy input (${report.resourceCount} resources) to ${options.writeInput}`);
  }
  let summaryOnStderr = false;
  for (const { format, output } of plan) {
    const rendered = (await loadFormatter(format))(report);
    if (output) {
      writeFileAtomically(resolve(output), rendered);
      console.error(`info: wrote ${format} report to ${output}`);
      summaryOnStderr = true;
    } else {
      process.stdout.write(rendered);
      // Text output ends with the summary already; machine formats keep stdout machine-readable.
      if (format !== 'text') summaryOnStderr = true;
    }
  }
  if (summaryOnStderr) console.error(summaryLine(report));
  return report.findings.some((finding) => !finding.waived) ? ExitCode.findings : ExitCode.ok;
}

export const gate: ToolCommand = {
  abortLine: 'error: gate aborted: no verdict (exit 2)',
  run: main,
};
