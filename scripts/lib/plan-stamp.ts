/**
 * A saved plan is evidence about the stack it was planned from, and about nothing else. tf:check
 * writes `stack.sha256` next to each `plan.json` (the sha256 of the committed cdk.tf.json it
 * planned, and that file's path); the gate compares it with the stack as it is now and reports a
 * plan whose stack changed, or that carries no stamp where tf:check writes one, as STALE: listed,
 * not judged, because its verdict would describe a configuration that no longer exists.
 */

import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const STACK_STAMP_FILE = 'stack.sha256';

export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Records which stack bytes a plan came from: `<sha256>  <stack path relative to root>`. */
export function writeStackStamp(planDir: string, stackPathFromRoot: string, stackBytes: Buffer): void {
  writeFileSync(join(planDir, STACK_STAMP_FILE), `${sha256Hex(stackBytes)}  ${stackPathFromRoot}\n`);
}

/**
 * Why the plan at `planAbsolute` is stale, or undefined when it is current. Plans under
 * `<root>/.tfcheck/` must carry a stamp; elsewhere a plan without one is judged as given.
 */
export function planStaleness(root: string, planAbsolute: string): string | undefined {
  const stampFile = join(dirname(planAbsolute), STACK_STAMP_FILE);
  if (!existsSync(stampFile)) {
    // The gate hands over the plan's resolved path, so compare with the resolved root as well.
    const tfCheckDirs = [resolve(root, '.tfcheck'), join(existsSync(root) ? realpathSync(root) : root, '.tfcheck')];
    const underTfCheck = tfCheckDirs.some((dir) => resolve(planAbsolute).startsWith(`${dir}/`));
    return underTfCheck ? `no ${STACK_STAMP_FILE} beside it records which stack it was planned from` : undefined;
  }
  const match = /^([0-9a-f]{64}) {2}(\S.*)$/.exec(readFileSync(stampFile, 'utf8').trim());
  if (!match?.[1] || !match[2]) return `${STACK_STAMP_FILE} is not "<sha256>  <stack path>"`;
  const stack = resolve(root, match[2]);
  if (!existsSync(stack)) return `its stack ${match[2]} no longer exists`;
  const now = sha256Hex(readFileSync(stack));
  return now === match[1]
    ? undefined
    : `its stack ${match[2]} changed after the plan was written (sha256 ${now.slice(0, 12)}…, planned ${match[1].slice(0, 12)}…)`;
}
