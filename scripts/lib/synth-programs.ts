import { spawn } from 'node:child_process';

/** One of the two synth programs and where its committed output lives. */
export interface SynthProgram {
  /** Short name shown in progress lines. */
  readonly name: 'terraform' | 'kubernetes';
  /** Entry point, run with tsx; the same one the official CLI's config (`cdktf.json`, `cdk8s.yaml`) names. */
  readonly entry: string;
  /** Environment variable the entry point reads its output directory from (the official CLIs set it too). */
  readonly outdirVariable: 'CDKTF_OUTDIR' | 'CDK8S_OUTDIR';
  /** Committed output directory, relative to the repository root. */
  readonly committedDir: string;
}

export const SYNTH_PROGRAMS: readonly SynthProgram[] = [
  {
    name: 'terraform',
    entry: 'terraform/main.ts',
    outdirVariable: 'CDKTF_OUTDIR',
    committedDir: 'terraform/cdktf.out',
  },
  { name: 'kubernetes', entry: 'apps/main.ts', outdirVariable: 'CDK8S_OUTDIR', committedDir: 'clusters' },
];

export interface ProgramRun {
  readonly program: SynthProgram;
  readonly seconds: number;
  readonly exitCode: number;
  /** Everything the program printed, for the error report when it fails. */
  readonly output: string;
}

/**
 * Runs one synth program with its output directed at `outdir`; never throws for a failing program.
 * `cwd` is the repository whose sources are synthesized (default: the current directory).
 */
export function runSynthProgram(program: SynthProgram, outdir: string, cwd?: string): Promise<ProgramRun> {
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), program.entry], {
      cwd,
      env: { ...process.env, [program.outdirVariable]: outdir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      resolve({ program, seconds, exitCode: code ?? 1, output });
    });
  });
}
