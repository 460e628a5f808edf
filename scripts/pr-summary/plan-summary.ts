/**
 * Each environment's saved Terraform plan (`.tfcheck/<env>/plan.json`, written by
 * `npm run tf:check` with `terraform show -json`), counted by action, with the addresses a
 * reviewer must notice — deletes and replaces — listed, and whether the plan still matches the
 * committed stack it was made from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENVIRONMENT_NAMES, type EnvironmentName } from '../../environments/model';
import { compareText } from '../core/compare';
import { isRecord } from '../core/is-record';
import { SummaryInputError } from './errors';
import { canonicalJson } from './stack-diff';

/** The plan's working directory, as tf:check names it. */
export const PLAN_DIR = '.tfcheck';

export const PLAN_ACTIONS = ['create', 'update', 'replace', 'delete', 'forget', 'read', 'no-op'] as const;
export type PlanAction = (typeof PLAN_ACTIONS)[number];

/**
 * `change.actions` as `terraform show -json` writes them (internal/command/jsonplan), by kind.
 * `forget` leaves the object in the cloud but drops it from state (a `removed` block);
 * `create,forget` replaces it the same way; `open` is an ephemeral resource, read like data.
 */
export const ACTIONS: Readonly<Record<string, PlanAction>> = {
  'no-op': 'no-op',
  create: 'create',
  read: 'read',
  open: 'read',
  update: 'update',
  delete: 'delete',
  forget: 'forget',
  'delete,create': 'replace',
  'create,delete': 'replace',
  'create,forget': 'replace',
};

/**
 * Whether the plan was made from the stack as committed now: `current`, `stale` (the stack
 * changed or is gone since tf:check ran), or `unverified` (tf:check's copy of the stack is missing).
 */
export type PlanBasis = 'current' | 'stale' | 'unverified';

export type EnvironmentPlan =
  | { readonly environment: EnvironmentName; readonly file: string; readonly planned: false }
  | {
      readonly environment: EnvironmentName;
      readonly file: string;
      readonly planned: true;
      readonly basis: PlanBasis;
      readonly counts: Readonly<Record<PlanAction, number>>;
      /** Addresses per action a reviewer must notice, sorted. */
      readonly deletes: readonly string[];
      readonly replaces: readonly string[];
      readonly forgets: readonly string[];
    };

/** Counts one plan's resource changes; `file` names it in errors. */
export function summarizePlanJson(text: string, file: string) {
  let plan: unknown;
  try {
    plan = JSON.parse(text);
  } catch (error) {
    throw new SummaryInputError(`${file}: not valid JSON (${(error as Error).message}); run npm run tf:check again`);
  }
  if (!isRecord(plan) || typeof plan.format_version !== 'string') {
    throw new SummaryInputError(`${file}: not a plan written by terraform show -json (no format_version)`);
  }
  const changes = plan.resource_changes ?? [];
  if (!Array.isArray(changes)) throw new SummaryInputError(`${file}: "resource_changes" must be a list`);
  const counts = Object.fromEntries(PLAN_ACTIONS.map((action) => [action, 0])) as Record<PlanAction, number>;
  const listed: Record<'delete' | 'replace' | 'forget', string[]> = { delete: [], replace: [], forget: [] };
  changes.forEach((change: unknown, index) => {
    const where = `${file}: resource_changes[${index}]`;
    if (!isRecord(change) || typeof change.address !== 'string') throw new SummaryInputError(`${where} has no address`);
    const actions = isRecord(change.change) ? change.change.actions : undefined;
    if (!Array.isArray(actions) || !actions.every((a) => typeof a === 'string')) {
      throw new SummaryInputError(`${where} (${change.address}) has no change.actions list`);
    }
    const action = ACTIONS[actions.join(',')];
    if (action === undefined) {
      throw new SummaryInputError(
        `${where} (${change.address}): unknown actions ${JSON.stringify(actions)}; this summary knows ${Object.keys(ACTIONS).join(' | ')}`,
      );
    }
    counts[action] += 1;
    if (action === 'delete' || action === 'replace' || action === 'forget') listed[action].push(change.address);
  });
  return {
    counts,
    deletes: listed.delete.sort(compareText),
    replaces: listed.replace.sort(compareText),
    forgets: listed.forget.sort(compareText),
  };
}

/** tf:check plans a copy of the stack without its `backend` block (terraform-workspace.ts). */
function planBasis(root: string, environment: EnvironmentName): PlanBasis {
  const copy = join(root, PLAN_DIR, environment, 'cdk.tf.json');
  if (!existsSync(copy)) return 'unverified';
  const stackFile = join(root, 'terraform', 'cdktf.out', 'stacks', environment, 'cdk.tf.json');
  if (!existsSync(stackFile)) return 'stale';
  try {
    const stack = JSON.parse(readFileSync(stackFile, 'utf8')) as { terraform?: Record<string, unknown> };
    if (isRecord(stack.terraform)) delete stack.terraform.backend;
    return canonicalJson(stack) === canonicalJson(JSON.parse(readFileSync(copy, 'utf8'))) ? 'current' : 'stale';
  } catch {
    // An unparseable stack or copy cannot vouch for the plan; the gate names the broken stack.
    return 'stale';
  }
}

export function readPlans(
  root: string,
  environments: readonly EnvironmentName[] = ENVIRONMENT_NAMES,
): EnvironmentPlan[] {
  return environments.map((environment) => {
    const file = `${PLAN_DIR}/${environment}/plan.json`;
    const absolute = join(root, file);
    if (!existsSync(absolute)) return { environment, file, planned: false };
    let text: string;
    try {
      text = readFileSync(absolute, 'utf8');
    } catch (error) {
      throw new SummaryInputError(`cannot read ${file}: ${(error as Error).message}`);
    }
    return { environment, file, planned: true, basis: planBasis(root, environment), ...summarizePlanJson(text, file) };
  });
}
