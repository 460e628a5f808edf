/**
 * The committed bundle must be built from the Rego sources as they are now, and must be the
 * bytes its manifest records: otherwise the gate would enforce yesterday's policies.
 */

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { POLICY_ENTRYPOINT, STALE_BUNDLE } from '../scripts/lib/opa-sources';
import { staleSources } from '../scripts/policy/bundle-freshness';

const REPO = resolve(__dirname, '..');
const BUNDLE = join(__dirname, 'bundle');

interface Manifest {
  opaVersion: string;
  sourcesSha256: string;
  sources: { file: string; sha256: string }[];
  entrypoints: Record<string, string[]>;
  files: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(join(BUNDLE, 'manifest.json'), 'utf8')) as Manifest;
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

it('was built from the current Rego sources and vocabulary', () => {
  const stale = staleSources(REPO);
  if (stale.length > 0) throw new Error(`${STALE_BUNDLE} (changed: ${stale.join(', ')})`);
});

it('holds exactly the artifacts its manifest records', () => {
  for (const [name, hash] of Object.entries(manifest.files)) {
    expect([name, sha256(readFileSync(join(BUNDLE, name)))]).toEqual([name, hash]);
  }
  expect(Object.keys(manifest.files).sort()).toEqual(['catalog.json', 'data.json', 'policy.wasm', 'tests.wasm']);
});

it('compiles the gate entrypoint into policy.wasm', () => {
  expect(manifest.entrypoints['policy.wasm']).toEqual([POLICY_ENTRYPOINT]);
});
