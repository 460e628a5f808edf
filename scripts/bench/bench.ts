/**
 * `npm run bench -- [--sizes 1000,10000,50000] [--runs 3] [--no-synth]`: times the policy gate
 * against `opa eval` on the same prepared input (the repository, then N generated objects), and
 * our synth against the official CLIs, printing medians, ratios and peak memory side by side.
 * Progress lines go to stderr as it runs; the table goes to stdout.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { parseCommandLine } from '../core/cli';
import { ExitCode } from '../core/exit-code';
import { REPO_ROOT } from '../core/repo-root';
import { BenchSetupError, type CommandRun, measureCommand, median } from './measure-command';
import { opaEvalCommand, resolveOpaBinary } from './opa-command';
import { positiveInteger } from './positive-integer';
import { writeBenchmarkTree } from './write-objects';

const DEFAULT_SIZES = [1_000, 10_000, 50_000];

interface BenchOptions {
  readonly sizes: number[];
  readonly runs: number;
  readonly synth: boolean;
}

/** One row of the table: a median wall time and the largest peak RSS of each side. */
interface Comparison {
  readonly label: string;
  readonly ours: Summary;
  readonly theirs: Summary;
}

interface Summary {
  readonly seconds: number;
  readonly peakRssMb: number;
}

function sizeList(value: string): number[] {
  const sizes = value.split(',').map((part) => Number(part.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1)) {
    throw new InvalidArgumentError(`"${value}" is not a comma-separated list of positive integers`);
  }
  return sizes;
}

function buildProgram(): Command {
  return new Command('bench')
    .description(
      'Time the policy gate against opa eval on the same input (the repository and N generated objects), and\n' +
        'npm run synth against npx cdktf synth plus npx cdk8s synth. Medians of --runs runs, peak RSS, ratios.\n' +
        'Needs GNU time (/usr/bin/time) and an opa binary (OPA_BIN, else npm run -s opa:bootstrap).',
    )
    .option('--sizes <list>', 'generated object counts, comma-separated', sizeList, DEFAULT_SIZES)
    .option('--runs <n>', 'timed runs per command (the median is reported)', positiveInteger, 3)
    .option('--no-synth', 'skip the synth comparison');
}

function progress(line: string): void {
  console.error(`info: ${line}`);
}

/** The command behind an npm script, so the bench times what `npm run <name>` runs minus npm's own start. */
function npmScriptCommand(name: string): string[] {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const script = manifest.scripts?.[name];
  if (!script) throw new BenchSetupError(`package.json has no "${name}" script`);
  if (/[;&|<>$`]/.test(script)) throw new BenchSetupError(`the "${name}" script is not a single command: ${script}`);
  return script.split(/\s+/).filter((word) => word !== '');
}

/** What npm puts on PATH, so scripts run as npm would run them. */
const NPM_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${join(REPO_ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
  // Terraform's and cdktf's update checks would reach the network.
  CHECKPOINT_DISABLE: '1',
};

function runOrFail(label: string, command: readonly string[], cwd = REPO_ROOT, okStatus = [0]): CommandRun {
  const run = measureCommand(command, cwd, NPM_ENV);
  if (!okStatus.includes(run.status)) {
    throw new BenchSetupError(`${label} exited ${run.status}: ${command.join(' ')}\n${run.stderr.trimEnd()}`);
  }
  return run;
}

function summarize(runs: readonly CommandRun[]): Summary {
  return {
    seconds: median(runs.map((run) => run.seconds)),
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
  };
}

function timed(label: string, runs: number, once: (index: number) => CommandRun): Summary {
  const all: CommandRun[] = [];
  for (let index = 1; index <= runs; index += 1) {
    const run = once(index);
    all.push(run);
    progress(`${label} run ${index}/${runs}: ${run.seconds.toFixed(2)} s, ${run.peakRssMb.toFixed(0)} MB`);
  }
  return summarize(all);
}

/** Gate and `opa eval` on one input: the gate writes the normalized input opa reads. */
function compareGate(
  label: string,
  gateArgs: readonly string[],
  options: BenchOptions,
  opa: string,
  work: string,
): Comparison {
  const gate = npmScriptCommand('gate');
  const input = join(work, `${label.replace(/[^a-z0-9]+/gi, '-')}.input.json`);
  // Exit 1 is a verdict too (a truncated namespace leaves a Deployment without its HPA); 2 is not.
  const judged = [0, 1];
  const prepared = runOrFail(`gate on ${label}`, [...gate, ...gateArgs, '--write-input', input], REPO_ROOT, judged);
  const counted = /info: (\d+) files, (\d+) resources/.exec(prepared.stderr);
  const described = counted ? `${label} (${counted[2]} resources in ${counted[1]} files)` : label;
  progress(`${described}: input prepared`);
  const ours = timed(`gate on ${label}`, options.runs, () =>
    runOrFail(`gate on ${label}`, [...gate, ...gateArgs], REPO_ROOT, judged),
  );
  const theirs = timed(`opa eval on ${label}`, options.runs, () =>
    runOrFail(`opa eval on ${label}`, opaEvalCommand(opa, REPO_ROOT, input)),
  );
  return { label: described, ours, theirs };
}

function compareSynth(options: BenchOptions, work: string): Comparison {
  const synth = npmScriptCommand('synth');
  const ours = timed('npm run synth', options.runs, () => runOrFail('synth', synth));
  const official = (cli: 'cdktf' | 'cdk8s', index: number) =>
    runOrFail(`npx ${cli} synth`, ['npx', cli, 'synth', '--output', join(work, `${cli}-${index}`)]);
  // The official CLIs run one after the other, each into its own fresh folder.
  const theirs = timed('npx cdktf synth + npx cdk8s synth', options.runs, (index) => {
    const terraform = official('cdktf', index);
    const kubernetes = official('cdk8s', index);
    return {
      seconds: terraform.seconds + kubernetes.seconds,
      peakRssMb: Math.max(terraform.peakRssMb, kubernetes.peakRssMb),
      status: 0,
      stderr: '',
    };
  });
  return { label: 'synth: npm run synth vs npx cdktf synth + npx cdk8s synth', ours, theirs };
}

function table(rows: readonly Comparison[], runs: number): string {
  const seconds = (summary: Summary) => `${summary.seconds.toFixed(2)} s`;
  const memory = (summary: Summary) => `${summary.peakRssMb.toFixed(0)} MB`;
  const lines = [
    `Medians of ${runs} runs; peak RSS is the largest of the runs.`,
    '',
    '| input | ours: wall | ours: peak RSS | theirs: wall | theirs: peak RSS | wall ours/theirs |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      ({ label, ours, theirs }) =>
        `| ${label} | ${seconds(ours)} | ${memory(ours)} | ${seconds(theirs)} | ${memory(theirs)} | ${(ours.seconds / theirs.seconds).toFixed(2)}× |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

/** The bench command's work (`scripts/commands/bench.ts` registers it in the program). */
export async function runBench(args: readonly string[]): Promise<number> {
  const program = buildProgram();
  const usageExit = parseCommandLine(program, args, 'user');
  if (usageExit !== undefined) return usageExit;
  const options = program.opts<BenchOptions>();
  const opa = resolveOpaBinary(REPO_ROOT);
  progress(`gate: ${npmScriptCommand('gate').join(' ')}; opa eval: ${opa}`);
  const work = mkdtempSync(join(tmpdir(), 'ecolaura-bench-'));
  try {
    const rows: Comparison[] = [compareGate('the repository', [], options, opa, work)];
    for (const size of options.sizes) {
      const started = performance.now();
      const tree = join(work, `objects-${size}`);
      const files = writeBenchmarkTree(size, tree);
      progress(`generated ${size} objects in ${files} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      rows.push(
        compareGate(`${size.toLocaleString('en')} generated objects`, ['--root', tree, tree], options, opa, work),
      );
      rmSync(tree, { recursive: true, force: true });
    }
    const gateRows = rows.map((row) => ({ ...row, label: `gate vs opa eval: ${row.label}` }));
    const synthRows = options.synth ? [compareSynth(options, work)] : [];
    process.stdout.write(table([...gateRows, ...synthRows], options.runs));
    return ExitCode.ok;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
