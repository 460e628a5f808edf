import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GateBundleError } from './errors';
import { loadPolicyBundle } from './evaluate';

const CATALOG = JSON.stringify([{ id: 'ECO-ENC-001', title: 'Encrypted', severity: 'high' }]);

let dir: string;

function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Writes a bundle whose manifest records the given hashes (defaults: the true ones). */
function writeBundle(wasm: Buffer, catalog = CATALOG, hashes: Record<string, string> = {}): void {
  writeFileSync(join(dir, 'policy.wasm'), wasm);
  writeFileSync(join(dir, 'catalog.json'), catalog);
  const files = { 'policy.wasm': sha256(wasm), 'catalog.json': sha256(catalog), ...hashes };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ files }));
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gate-bundle-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('loadPolicyBundle fails closed', () => {
  it('when the bundle directory is missing', async () => {
    await expect(loadPolicyBundle(join(dir, 'nowhere'))).rejects.toThrow(
      /policy bundle incomplete: .*policy\.wasm is missing; run npm run policy:build/,
    );
  });

  it('when a file does not match the hash the manifest records', async () => {
    writeBundle(Buffer.from('\0asm'), CATALOG, { 'policy.wasm': sha256('something else') });
    await expect(loadPolicyBundle(dir)).rejects.toThrow(
      /policy\.wasm does not match .*manifest\.json .*the bundle is corrupt/,
    );
  });

  it('when the manifest records no hash for a file', async () => {
    writeBundle(Buffer.from('\0asm'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ files: {} }));
    await expect(loadPolicyBundle(dir)).rejects.toThrow(/records no sha256 for policy\.wasm/);
  });

  it('when the manifest or catalog is not JSON', async () => {
    writeBundle(Buffer.from('\0asm'), '{not json');
    await expect(loadPolicyBundle(dir)).rejects.toThrow(/catalog\.json is corrupt/);
    writeFileSync(join(dir, 'manifest.json'), 'garbage');
    await expect(loadPolicyBundle(dir)).rejects.toThrow(/manifest\.json is corrupt/);
  });

  it('when policy.wasm is not a wasm module, even with a matching hash', async () => {
    writeBundle(Buffer.from('definitely not webassembly'));
    const error = await loadPolicyBundle(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GateBundleError);
    expect((error as Error).message).toMatch(/policy\.wasm does not load as an OPA wasm module/);
  });
});
