/**
 * A scratch copy of what the report reads — policies/ (sources, fixtures, mutation rows,
 * exceptions, bundle) and the committed synthesized output — so tests can remove evidence or
 * plant defects safely. scripts/ is linked, not copied: the folders' mutations.ts import it.
 */

import { cpSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { copySynthesizedOutputs, REPO_ROOT } from '../../gate/testing/synthesized-copy';
import { runPolicyReport } from '../cli';

export { REPO_ROOT };

export function copyRepository(): string {
  const root = copySynthesizedOutputs();
  cpSync(join(REPO_ROOT, 'policies'), join(root, 'policies'), { recursive: true });
  symlinkSync(join(REPO_ROOT, 'scripts'), join(root, 'scripts'));
  return root;
}

export interface CapturedRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: readonly string[];
}

/** Runs the CLI in-process, as `npm run policy:report -- …args` would, keeping what it printed. */
export async function runReport(args: readonly string[]): Promise<CapturedRun> {
  let stdout = '';
  const stderr: string[] = [];
  const code = await runPolicyReport(['node', 'policy-report', ...args], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (line) => stderr.push(line),
  });
  return { code, stdout, stderr };
}
