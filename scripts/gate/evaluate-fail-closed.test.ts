import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GateBundleError } from '../core/errors';
import { parseCatalog } from './catalog';
import { evaluateWith, loadPolicyBundle } from './evaluate';

const CATALOG = JSON.stringify([{ id: 'ECO-ENC-001', title: 'Encrypted', severity: 'high' }]);
const DATA = JSON.stringify({ ecolaura: { vocabulary: {} } });

let dir: string;

function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Writes a bundle whose manifest records the given hashes (defaults: the true ones). */
function writeBundle(wasm: Buffer, catalog = CATALOG, hashes: Record<string, string> = {}, data = DATA): void {
  writeFileSync(join(dir, 'policy.wasm'), wasm);
  writeFileSync(join(dir, 'catalog.json'), catalog);
  writeFileSync(join(dir, 'data.json'), data);
  const files = { 'policy.wasm': sha256(wasm), 'catalog.json': sha256(catalog), 'data.json': sha256(data), ...hashes };
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

  it('when data.json (the vocabulary the policies read) is not a JSON object', async () => {
    writeBundle(Buffer.from('\0asm'), CATALOG, {}, '["not", "an", "object"]');
    await expect(loadPolicyBundle(dir)).rejects.toThrow(/data\.json is not a JSON object; run npm run policy:build/);
  });

  it('when policy.wasm is not a wasm module, even with a matching hash', async () => {
    writeBundle(Buffer.from('definitely not webassembly'));
    const error = await loadPolicyBundle(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GateBundleError);
    expect((error as Error).message).toMatch(/policy\.wasm does not load as an OPA wasm module/);
  });
});

describe('evaluateWith fails closed', () => {
  const catalog = parseCatalog([{ id: 'ECO-ENC-001', title: 'Encrypted', severity: 'high' }], 'catalog.json');
  const violation = {
    policy: 'ECO-ENC-001',
    severity: 'high',
    title: 'Encrypted',
    resource: 'aws_db_instance.db',
    file: 'main.tf.json',
    line: 3,
    environment: 'prod',
    message: 'aws_db_instance.db: storage_encrypted is false',
  };
  const returning = (result: unknown) => ({ evaluate: () => result });

  it('when the wasm evaluation throws, whatever it throws', () => {
    const throwing = {
      evaluate: () => {
        throw { message: 'opa_abort: out of memory' };
      },
    };
    expect(() => evaluateWith(throwing, catalog, { resources: [] })).toThrow(
      'policy evaluation failed in wasm: opa_abort: out of memory',
    );
  });

  it('when the entrypoint yields no result or not a list', () => {
    expect(() => evaluateWith(returning([]), catalog, { resources: [] })).toThrow(
      /returned \[\], expected \[\{"result": \[\.\.\.\]\}\]/,
    );
    expect(() => evaluateWith(returning([{ result: {} }]), catalog, { resources: [] })).toThrow(GateBundleError);
  });

  it('when a violation names a policy missing from the catalog or lacks a line', () => {
    expect(() =>
      evaluateWith(returning([{ result: [{ ...violation, policy: 'ECO-X-999' }] }]), catalog, { resources: [] }),
    ).toThrow(/malformed violation \(policy "ECO-X-999" is not in catalog\.json\)/);
    expect(() =>
      evaluateWith(returning([{ result: [{ ...violation, line: null }] }]), catalog, { resources: [] }),
    ).toThrow(/line must be a positive integer/);
  });

  it('and otherwise returns the violations deduplicated and sorted', () => {
    const later = { ...violation, line: 9 };
    expect(evaluateWith(returning([{ result: [later, violation, violation] }]), catalog, { resources: [] })).toEqual([
      violation,
      later,
    ]);
  });
});
