/**
 * The committed repository passes its own gate: every environment's Terraform JSON and all of
 * clusters/ (what `npm run gate` gates with no paths), with zero unwaived violations. Missing
 * output fails this test; it is never skipped.
 */

import { join } from 'node:path';
import { ENVIRONMENT_NAMES } from '../../environments/model';
import { exitCodeOf, runGate } from './run-gate';
import { runGateCli } from './testing/run-gate-cli';
import { REPO_ROOT, synthesizedOutputs } from './testing/synthesized-copy';

const today = new Date().toISOString().slice(0, 10);

describe('the committed repository', () => {
  it('holds synthesized output for every environment: its platform stack and its account bootstrap stack', () => {
    const stacks = ENVIRONMENT_NAMES.flatMap((env) => [env, `bootstrap-${env}`]).sort();
    expect(synthesizedOutputs()).toEqual([
      ...stacks.map((stack) => `terraform/cdktf.out/stacks/${stack}/cdk.tf.json`),
      'clusters',
    ]);
  });

  it('passes the gate with zero unwaived violations and no stale exception', async () => {
    const report = await runGate({
      paths: [],
      root: REPO_ROOT,
      bundleDir: join(REPO_ROOT, 'policies', 'bundle'),
      exceptionsFile: join(REPO_ROOT, 'policies', 'exceptions.yaml'),
      today,
    });
    const failing = report.findings.filter((finding) => !finding.waived);
    expect(failing.map((f) => `${f.policy} ${f.file}:${f.line} ${f.resource}: ${f.message}`)).toEqual([]);
    expect(report.stale).toEqual([]);
    expect(exitCodeOf(report)).toBe(0);
    for (const env of ENVIRONMENT_NAMES) {
      expect(
        report.files.some((f) => f.file === `terraform/cdktf.out/stacks/${env}/cdk.tf.json` && f.resources > 0),
      ).toBe(true);
      expect(report.files.some((f) => f.file.startsWith(`clusters/${env}/`) && f.resources > 0)).toBe(true);
    }
  });

  it('passes through the real CLI too: npm run gate exits 0 with an info: summary', () => {
    const run = runGateCli([], REPO_ROOT);
    expect(run.stderr).toMatch(
      /^info: \d+ files, \d+ resources: collect [\d.]+ s, normalize [\d.]+ s, load bundle [\d.]+ s, evaluate [\d.]+ s\n$/,
    );
    expect(run.status).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^info: gate passed: 0 violations/);
  });
});
