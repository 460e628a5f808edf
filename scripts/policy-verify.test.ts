/**
 * Issue 9 §2: `npm run policy:verify` proves the committed wasm comes from the committed Rego.
 * The planted attack: policy.wasm rebuilt from altered Rego, the Rego left as committed, and
 * manifest.json edited so its hashes match the altered wasm — which the gate's own bundle check
 * (hashes inside the same commit) accepts.
 */

import { createHash } from 'node:crypto';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTool } from './core/testing/run-tool';
import { loadPolicyBundle } from './gate/evaluate';
import { findOpa } from './lib/opa-binary';
import { buildBundle } from './policy/build';

const REPO = join(__dirname, '..');
function verify(root: string, env: NodeJS.ProcessEnv = process.env) {
  return runTool('policy:verify', ['--root', root], { env, timeout: 300_000 });
}

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'policy-verify-'));
  cpSync(join(REPO, 'policies'), join(root, 'policies'), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('npm run policy:verify', () => {
  it('fails, naming the files, on a bundle built from altered Rego with a manifest edited to match', async () => {
    const rego = join(root, 'policies', 'encryption', 'backup_vault_kms', 'policy.rego');
    const original = readFileSync(rego, 'utf8');
    // The altered policy never denies (`false` opens its rule body): what an attacker would ship.
    const silenced = original.replace(/^(deny contains .* if \{)$/m, '$1\n\tfalse');
    expect(silenced).not.toBe(original);
    writeFileSync(rego, silenced);
    const altered = await buildBundle(findOpa(REPO), false, root);
    writeFileSync(rego, original);
    const bundle = join(root, 'policies', 'bundle');
    const policyWasm = altered.files['policy.wasm'] as Buffer;
    writeFileSync(join(bundle, 'policy.wasm'), policyWasm);
    const manifest = JSON.parse(readFileSync(join(bundle, 'manifest.json'), 'utf8'));
    manifest.files['policy.wasm'] = createHash('sha256').update(policyWasm).digest('hex');
    writeFileSync(join(bundle, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

    // The gate's own check is satisfied by the edited manifest: this is the gap verify closes.
    await expect(loadPolicyBundle(bundle)).resolves.toBeDefined();
    const run = verify(root);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'error: policies/bundle is not what the committed Rego builds with opa 1.4.2: policy.wasm, manifest.json differ.',
    );
  }, 300_000);

  it('gives no verdict (exit 2) when the toolchain is another OPA version, saying so', () => {
    const fake = join(root, 'opa');
    writeFileSync(fake, '#!/bin/sh\necho "Version: 1.5.0"\n');
    chmodSync(fake, 0o755);
    const run = verify(root, { ...process.env, OPA_BIN: fake });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(
      `error: policies/bundle was built with opa 1.4.2 but the toolchain found is opa 1.5.0 (OPA_BIN: ${fake}), so the bundle is NOT verified`,
    );
  });

  it('gives no verdict (exit 2) when the toolchain is missing, never a silent pass', () => {
    const run = verify(root, { ...process.env, OPA_BIN: join(root, 'no-opa') });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('error: the OPA toolchain is unavailable, so the bundle is NOT verified');
  });
});
