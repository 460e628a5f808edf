/**
 * `npm run policy:report`: the auditor evidence report. Exit 0: written, the repository passes
 * and every policy has its evidence; 1: written, but the gate found unwaived violations or
 * evidence is missing; 2: nothing written (bad usage, stale or corrupt bundle, unreadable input).
 */

import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { parseCommandLine } from '../core/cli';
import { isIsoDate } from '../core/iso-date';
import { REPO_ROOT } from '../core/repo-root';
import { writeFileAtomically } from '../core/write-file-atomically';
import { collectEvidence } from './collect-evidence';
import { exitCodeOfEvidence } from './evidence';
import { REPORT_FORMAT_NAMES, REPORT_FORMATTERS, type ReportFormatName } from './formats';
import { summaryLine } from './summary-line';

/** Where the CLI writes; tests pass their own to read what a user would see. */
export interface ReportIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (line: string) => void;
}

const PROCESS_IO: ReportIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (line) => process.stderr.write(`${line}\n`),
};

interface ReportCliOptions {
  format: ReportFormatName;
  output?: string;
  today: string;
  root: string;
}

function buildProgram(io: ReportIo): Command {
  return new Command('policy:report')
    .description(
      'Write the auditor evidence report: per policy, what it checks, the controls it evidences, its Rego\n' +
        'unit tests, fixtures, mutation rows and exceptions, and the gate verdict on the repository.\n' +
        'Exit 0: written and passing; 1: written, but violations or evidence gaps; 2: nothing written.',
    )
    .addOption(new Option('-f, --format <format>', 'report format').choices(REPORT_FORMAT_NAMES).default('markdown'))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of stdout')
    .option(
      '--today <date>',
      'judge exception expiry as of this day, YYYY-MM-DD (UTC)',
      new Date().toISOString().slice(0, 10),
    )
    .option('--root <dir>', 'repository root to report on', REPO_ROOT)
    .configureOutput({ writeOut: io.stdout, writeErr: (text) => io.stderr(text.trimEnd()) });
}

function seconds(value: number): string {
  return `${value.toFixed(2)} s`;
}

async function report(argv: readonly string[], io: ReportIo): Promise<number> {
  const program = buildProgram(io);
  const usageExit = parseCommandLine(program, argv);
  if (usageExit !== undefined) return usageExit;
  const options = program.opts<ReportCliOptions>();
  if (!isIsoDate(options.today)) {
    io.stderr(`error: --today "${options.today}" is not a date written YYYY-MM-DD`);
    return 2;
  }
  const { report: evidence, timings } = await collectEvidence({ root: resolve(options.root), today: options.today });
  let started = performance.now() / 1000;
  const rendered = REPORT_FORMATTERS[options.format](evidence);
  const render = performance.now() / 1000 - started;
  started = performance.now() / 1000;
  if (options.output) {
    writeFileAtomically(resolve(options.output), rendered);
  } else {
    io.stdout(rendered);
  }
  const write = performance.now() / 1000 - started;
  const steps = { ...timings, render, write };
  io.stderr(
    `info: ${Object.entries(steps)
      .map(([step, value]) => `${step} ${seconds(value)}`)
      .join(', ')}`,
  );
  if (options.output) io.stderr(`info: wrote the ${options.format} report to ${options.output}`);
  for (const gap of evidence.gaps) io.stderr(`error: evidence gap: ${gap.policy}: ${gap.problem}`);
  io.stderr(summaryLine(evidence));
  return exitCodeOfEvidence(evidence);
}

/** Runs the CLI and returns its exit code; every failure to judge becomes exit 2, never a report. */
export async function runPolicyReport(argv: readonly string[], io: ReportIo = PROCESS_IO): Promise<number> {
  try {
    return await report(argv, io);
  } catch (error) {
    io.stderr(`error: ${error instanceof Error ? error.message : String(error)}`);
    io.stderr('error: policy report aborted: nothing written (exit 2)');
    return 2;
  }
}
