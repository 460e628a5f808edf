/** Every fact the pull-request summary reports, gathered before anything is rendered. */

import type { GateReport } from '../gate/run-gate';
import type { DriftEntry } from '../lib/drift-check';
import type { GeneratedChanges } from './generated-changes';
import type { EnvironmentPlan } from './plan-summary';
import type { StackPlan } from './planned-changes';

export interface PrSummary {
  /** What changed against the base; null when no `--base` was given. */
  readonly changes: GeneratedChanges | null;
  /** Each changed stack's head planned against the base's state; null when no `--base` was given. */
  readonly planned: readonly StackPlan[] | null;
  readonly plans: readonly EnvironmentPlan[];
  /** Generated files that differ from a fresh synth; empty when in sync. */
  readonly drift: readonly DriftEntry[];
  readonly gate: GateReport;
}
