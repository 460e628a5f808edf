/**
 * The `opa eval` the bench compares the gate with: OPA's Go evaluator (topdown) over the policy
 * sources themselves (every non-test .rego `policy:build` compiles), reading the input the gate
 * normalized (`--write-input`).
 */

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { POLICY_ENTRYPOINT, readRegoSources } from '../lib/opa-sources';
import { BenchSetupError } from './measure-command';

/** `OPA_BIN` when set, else the binary the bootstrap helper prints (building it on first use). */
export function resolveOpaBinary(repoRoot: string): string {
  const configured = process.env.OPA_BIN;
  if (configured) {
    if (!existsSync(configured)) throw new BenchSetupError(`OPA_BIN=${configured} does not exist`);
    return configured;
  }
  const helper = spawnSync('bash', [join(repoRoot, 'scripts', 'opa-bootstrap.sh')], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const printed = helper.stdout?.toString().trim().split('\n').pop() ?? '';
  if (helper.status !== 0 || !existsSync(printed)) {
    throw new BenchSetupError('no opa binary: set OPA_BIN or make npm run -s opa:bootstrap succeed');
  }
  return printed;
}

export function opaEvalCommand(opa: string, repoRoot: string, input: string): string[] {
  const query = `data.${POLICY_ENTRYPOINT.replaceAll('/', '.')}`;
  const policies = readRegoSources(repoRoot).filter((source) => !source.isTest);
  // The sources policy:build compiles include the vocabulary (data.ecolaura.vocabulary).
  return [opa, 'eval', ...policies.flatMap((source) => ['-d', source.file]), '-i', input, query];
}
