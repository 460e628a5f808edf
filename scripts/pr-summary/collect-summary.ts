/**
 * Gathers the summary's facts: the changes against the base, the saved plans, a drift check and
 * a gate run. Each step reports its time through `log`; the drift check's synth programs run in
 * child processes while the gate evaluates, so the two slow steps overlap.
 */

import { runGate } from '../gate/run-gate';
import { checkDrift, driftEntries } from '../lib/drift-check';
import { plural } from '../render/format-common';
import { SummaryInputError } from './errors';
import { collectGeneratedChanges, type GeneratedChanges } from './generated-changes';
import { resolveBase } from './git';
import { readPlans } from './plan-summary';
import { planChangedStacks } from './planned-changes';
import type { PrSummary } from './summary';

export interface CollectOptions {
  /** The repository (working tree) the summary describes. */
  readonly root: string;
  /** The repository whose sources the drift check synthesizes; the tools' own checkout. */
  readonly sourceRoot: string;
  /** A Git ref to compare with; none skips the changes section. */
  readonly base?: string;
  readonly bundleDir: string;
  readonly exceptionsFile: string;
  /** `YYYY-MM-DD`: the day exceptions are judged on. */
  readonly today: string;
  /** Plan each changed stack against its deployed S3 state instead of the base's synthetic one. */
  readonly realBackend?: boolean;
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(2)} s`;
}

function collectChanges(options: CollectOptions, log: (line: string) => void): GeneratedChanges | null {
  if (options.base === undefined) {
    log('info: changes: no --base given, skipped');
    return null;
  }
  const started = performance.now();
  const changes = collectGeneratedChanges(options.root, resolveBase(options.root, options.base));
  const touched = changes.environments.filter(
    (env) => env.stack !== null || env.otherFiles.length > 0 || Object.values(env.objects).some((l) => l.length > 0),
  );
  log(
    `info: changes since ${options.base} (${changes.base.commit.slice(0, 12)}): ${plural(changes.fileCount, 'generated file')} in ${plural(touched.length, 'environment')} (${seconds(started)})`,
  );
  return changes;
}

export async function collectSummary(options: CollectOptions, log: (line: string) => void): Promise<PrSummary> {
  const changes = collectChanges(options, log);
  const planStarted = performance.now();
  const planned =
    changes === null ? null : await planChangedStacks(options.root, changes, log, undefined, options.realBackend);
  if (planned !== null) {
    log(`info: planned ${plural(planned.length, 'changed stack')} against the base (${seconds(planStarted)})`);
  }

  let started = performance.now();
  const plans = readPlans(options.root);
  log(
    `info: plans: ${plans.filter((p) => p.planned).length} of ${plans.length} environments planned (${seconds(started)})`,
  );

  const driftStarted = performance.now();
  const drifting = checkDrift({ sourceRoot: options.sourceRoot, committedRoot: options.root });
  // A failing gate must not leave the synth programs' promise unobserved.
  drifting.catch(() => undefined);

  started = performance.now();
  const gate = await runGate({
    paths: [],
    root: options.root,
    bundleDir: options.bundleDir,
    exceptionsFile: options.exceptionsFile,
    today: options.today,
  });
  log(
    `info: gate: ${plural(gate.resourceCount, 'resource')} in ${plural(gate.files.length, 'file')}, ${plural(gate.findings.length, 'finding')} (${seconds(started)})`,
  );

  const check = await drifting;
  if (check.status === 'synth-failed') {
    throw new SummaryInputError(
      `${check.failed.program.name} synth (${check.failed.program.entry}) failed, so drift cannot be judged:\n${check.failed.output.trimEnd().replace(/^/gm, '  ')}`,
    );
  }
  const drift = check.programs.flatMap((program) => driftEntries(program.diff));
  log(`info: drift: ${plural(drift.length, 'file')} out of sync (${seconds(driftStarted)}, alongside the gate)`);

  return { changes, planned, plans, drift, gate };
}
