/**
 * `npx tsx scripts/bench/generate-objects.ts [--count 10000] [--out DIR]`: writes realistic
 * Kubernetes objects for timing the gate (scripts/README.md, "Benchmark"), one folder per
 * namespace, one multi-document YAML file per app.
 */

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { parseCommandLine } from '../core/cli';
import { positiveInteger } from './positive-integer';
import { writeBenchmarkTree } from './write-objects';

const program = new Command('generate-objects')
  .description('Write N realistic Kubernetes objects for benchmarking the policy gate.')
  .option('-n, --count <n>', 'number of objects', positiveInteger, 10_000)
  .option('-o, --out <dir>', 'output directory, replaced atomically (default: a new temporary directory)');

function generate(): void {
  const { count, out } = program.opts<{ count: number; out?: string }>();
  const started = performance.now();
  const target = out ? resolve(out) : join(mkdtempSync(join(tmpdir(), 'gate-bench-')), 'objects');
  const files = writeBenchmarkTree(count, target);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.error(`info: wrote ${count} objects in ${files} files to ${target} in ${seconds} s`);
  console.log(target);
}

const usageExit = parseCommandLine(program, process.argv);
if (usageExit === undefined) generate();
else process.exitCode = usageExit;
