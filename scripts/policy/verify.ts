/**
 * The proof behind `npm run policy:verify`: rebuild policies/bundle/ from the Rego and the
 * vocabulary with the OPA version manifest.json records, and name every generated file whose
 * committed bytes differ (README table included). No toolchain, or another OPA version, is no
 * verdict, never a silent pass.
 */

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ToolError } from '../core/errors';
import { findOpa, OpaToolError } from '../lib/opa-binary';
import { buildBundle, differingFiles, StepError } from './build';

const REPO_ROOT = resolve(__dirname, '..', '..');

/** Verification could not run: the CLI reports it and exits 2. */
export class NoVerdictError extends ToolError {
  override readonly name = 'NoVerdictError';
}

function recordedOpaVersion(bundleDir: string): string {
  const file = join(bundleDir, 'manifest.json');
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new NoVerdictError(`${file} cannot be read as JSON (${(error as Error).message}); run npm run policy:build`);
  }
  const version = (manifest as { opaVersion?: unknown }).opaVersion;
  if (typeof version !== 'string' || version === '') {
    throw new NoVerdictError(`${file} records no opaVersion; run npm run policy:build`);
  }
  return version;
}

/** The outcome: the files that differ (empty when the bundle is proven) and the OPA used. */
export async function verifyBundle(root: string): Promise<{ differing: string[]; opaVersion: string }> {
  const bundleDir = join(root, 'policies', 'bundle');
  const recorded = recordedOpaVersion(bundleDir);
  let opa: ReturnType<typeof findOpa>;
  try {
    opa = findOpa(REPO_ROOT);
  } catch (error) {
    if (error instanceof OpaToolError) {
      throw new NoVerdictError(
        `the OPA toolchain is unavailable, so the bundle is NOT verified: ${error.message}. Run npm run opa:bootstrap (Debian), or install opa ${recorded} and set OPA_BIN`,
      );
    }
    throw error;
  }
  if (opa.version !== recorded) {
    throw new NoVerdictError(
      `policies/bundle was built with opa ${recorded} but the toolchain found is opa ${opa.version} (${opa.origin}: ${opa.path}), so the bundle is NOT verified: use opa ${recorded} (OPA_BIN), or rebuild with npm run policy:build and commit the result`,
    );
  }
  console.error(`info: rebuilding policies/bundle with opa ${opa.version} (${opa.origin}: ${opa.path})`);
  try {
    const built = await buildBundle(opa, false, root);
    return { differing: differingFiles(built, root), opaVersion: opa.version };
  } catch (error) {
    if (error instanceof StepError) throw new NoVerdictError(`the rebuild failed: ${error.message}`);
    throw error;
  }
}
