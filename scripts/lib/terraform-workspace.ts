import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Copies a stack's committed `cdk.tf.json` into its tf:check working directory, leaving out the
 * `backend` block. `terraform init -backend=false` does not configure the S3 backend, and plan
 * then refuses to run against a backend that was never initialized; without the block, the
 * offline plan uses an empty local state, which is what a plan of the whole stack needs anyway.
 * Everything else is copied unchanged.
 */
export function prepareWorkspace(stackFile: string, workDir: string): { backendRemoved: boolean; stackBytes: Buffer } {
  const stackBytes = readFileSync(stackFile);
  const config = JSON.parse(stackBytes.toString('utf8')) as { terraform?: Record<string, unknown> };
  const backendRemoved = config.terraform?.backend !== undefined;
  if (config.terraform) delete config.terraform.backend;
  mkdirSync(workDir, { recursive: true });
  // Results of an earlier run must never pass for this run's.
  for (const stale of ['plan.bin', 'plan.json', 'stack.sha256']) rmSync(join(workDir, stale), { force: true });
  writeFileSync(join(workDir, 'cdk.tf.json'), `${JSON.stringify(config, null, 2)}\n`);
  return { backendRemoved, stackBytes };
}

/** What `terraform show -json` says a plan will do, counted for the report. */
export interface PlanSummary {
  /** Managed resources the plan creates, updates, replaces or deletes. */
  readonly changed: number;
  readonly create: number;
  readonly update: number;
  readonly delete: number;
  /** Data sources read at plan time (the stacks declare none). */
  readonly dataSources: number;
}

interface PlanJson {
  readonly resource_changes?: readonly {
    readonly mode: 'managed' | 'data';
    readonly change: { readonly actions: readonly string[] };
  }[];
}

export function summarizePlan(planJson: string): PlanSummary {
  const plan = JSON.parse(planJson) as PlanJson;
  const changes = plan.resource_changes ?? [];
  const managed = changes.filter((c) => c.mode === 'managed' && !c.change.actions.every((a) => a === 'no-op'));
  const count = (action: string) => managed.filter((c) => c.change.actions.includes(action)).length;
  return {
    changed: managed.length,
    create: count('create'),
    update: count('update'),
    delete: count('delete'),
    dataSources: changes.filter((c) => c.mode === 'data').length,
  };
}
