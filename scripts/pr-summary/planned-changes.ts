/**
 * For every stack whose `cdk.tf.json` changed since the base: the head planned against the base's
 * state (diff-plan.ts), its resource changes, and the destructive ones with their acknowledgement.
 * Stacks that did not change are not planned: the same configuration plans to no change.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENVIRONMENT_NAMES, type EnvironmentName, environment } from '../../environments';
import { type DestructiveChange, destructiveChanges, readAcknowledgements } from './destructive';
import { planAgainstBase } from './diff-plan';
import { SummaryInputError } from './errors';
import type { GeneratedChanges } from './generated-changes';
import { fileAtCommit } from './git';
import { type ResourceChange, resourceChanges } from './resource-changes';
import { parseStack } from './stack-diff';

export interface StackPlan {
  /** Stack folder: `prod`, `bootstrap-prod`. */
  readonly stack: string;
  readonly resources: readonly ResourceChange[];
  readonly destructive: readonly DestructiveChange[];
  /** Whether base and head plans came from the cache. */
  readonly cached: boolean;
}

/** The environment a stack folder belongs to: `bootstrap-prod` → prod. */
export function environmentOfStack(stack: string): EnvironmentName {
  const name = stack.replace(/^bootstrap-/, '');
  if (!(ENVIRONMENT_NAMES as readonly string[]).includes(name)) {
    throw new SummaryInputError(`terraform/cdktf.out/stacks/${stack}/ belongs to no environment of the model`);
  }
  return name as EnvironmentName;
}

/**
 * Plans every changed stack; `workDir` holds the workspaces and the cache (default
 * `<root>/.tfcheck/pr-summary`, git-ignored).
 */
export async function planChangedStacks(
  root: string,
  changes: GeneratedChanges,
  log: (line: string) => void,
  workDir: string = join(root, '.tfcheck', 'pr-summary'),
  realBackend = false,
): Promise<StackPlan[]> {
  const acknowledged = readAcknowledgements(root, changes.base.commit);
  const plans: StackPlan[] = [];
  for (const env of changes.environments) {
    if (env.stack === null) continue;
    const { file, status } = env.stack;
    const model = environment(environmentOfStack(env.environment));
    const base =
      status === 'added'
        ? null
        : parseStack(fileAtCommit(root, changes.base.commit, file), `${changes.base.ref}:${file}`);
    const head = status === 'deleted' ? null : parseStack(readFileSync(join(root, file), 'utf8'), file);
    const diff = await planAgainstBase(
      { workDir, log, realBackend },
      { stack: env.environment, accountId: model.accountId, region: model.region, base, head },
    );
    const resources = resourceChanges(diff.plan, `${env.environment} (head against base)`, diff.baseline);
    plans.push({
      stack: env.environment,
      resources,
      destructive: destructiveChanges(env.environment, resources, acknowledged),
      cached: diff.cached,
    });
  }
  return plans;
}
