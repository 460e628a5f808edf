/**
 * Issue 9 §6: bad input and unsafe paths. Each case is planted in a scratch repository and run
 * through the real gate CLI: exit 2, the path named, no stack trace, no file content echoed.
 */

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, runValidateManifests } from '../manifests/cli';
import { collectFiles } from './collect-files';

// Root (CI containers, this machine) reads folders whatever their mode; readdir is made to fail
// for one folder the way it does for any other user, to prove the error names it.
jest.mock('node:fs', () => {
  const actual = jest.requireActual('node:fs');
  return {
    ...actual,
    readdirSync: (path: string, ...rest: unknown[]) => {
      if (path === (globalThis as { unreadable?: string }).unreadable) {
        throw Object.assign(new Error(`EACCES: permission denied, scandir '${path}'`), { code: 'EACCES' });
      }
      return actual.readdirSync(path, ...rest);
    },
  };
});

function collectFilesWithFailingReaddir(dir: string): unknown {
  (globalThis as { unreadable?: string }).unreadable = dir;
  try {
    return collectFiles(['clusters'], root);
  } finally {
    (globalThis as { unreadable?: string }).unreadable = undefined;
  }
}

import { GateInputError } from '../core/errors';
import { MAX_SOURCE_BYTES, readSourceFile } from '../core/source/read-source-file';
import { runGateCli } from './testing/run-gate-cli';

const SECRET = 'TOP-SECRET-CONTENT-1234';
let root: string;
let outside: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gate-bad-input-'));
  outside = mkdtempSync(join(tmpdir(), 'gate-outside-'));
  mkdirSync(join(root, 'clusters', 'dev', 'shop'), { recursive: true });
});
afterEach(() => {
  chmodSync(root, 0o755);
  rmSync(root, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

function expectRefused(run: ReturnType<typeof runGateCli>, pattern: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  expect(run.stderr + run.stdout).not.toContain(SECRET);
}

describe('the gate refuses unsafe paths, naming them', () => {
  it('a symlink out of the repository root, never reading its target', () => {
    writeFileSync(join(outside, 'leak.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${SECRET}}\n`);
    symlinkSync(join(outside, 'leak.yaml'), join(root, 'clusters', 'dev', 'shop', 'leak.yaml'));
    expectRefused(
      runGateCli(['clusters'], root),
      /^error: clusters\/dev\/shop\/leak\.yaml: is a symbolic link out of the repository root/m,
    );
  });

  it('a symlinked folder out of the repository root', () => {
    writeFileSync(join(outside, 'x.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
    symlinkSync(outside, join(root, 'clusters', 'dev', 'linked'));
    expectRefused(
      runGateCli(['clusters'], root),
      /^error: clusters\/dev\/linked: is a symbolic link out of the repository root/m,
    );
  });

  it('a FIFO, without blocking on it', () => {
    execFileSync('mkfifo', [join(root, 'clusters', 'dev', 'shop', 'pipe.yaml')]);
    expectRefused(runGateCli(['clusters'], root), /^error: clusters\/dev\/shop\/pipe\.yaml: is not a regular file/m);
  });

  it('a device and /proc, reached through symlinks or named directly', () => {
    symlinkSync('/dev/zero', join(root, 'clusters', 'dev', 'shop', 'zero.yaml'));
    expectRefused(
      runGateCli(['clusters'], root),
      /^error: clusters\/dev\/shop\/zero\.yaml: leads into \/dev: refused/m,
    );
    expectRefused(runGateCli(['/proc/self/environ'], root), /leads into \/proc: refused/);
  });

  it('an unreadable subfolder, naming it (as a non-root user: root reads every folder)', () => {
    const locked = join(root, 'clusters', 'dev', 'locked');
    mkdirSync(locked);
    chmodSync(locked, 0o000);
    if (process.getuid?.() === 0) {
      expect(() => collectFilesWithFailingReaddir(locked)).toThrow(
        new GateInputError(
          'clusters/dev/locked',
          null,
          'folder cannot be read (EACCES): fix its permissions or leave it out',
        ),
      );
      return;
    }
    expectRefused(runGateCli(['clusters'], root), /^error: clusters\/dev\/locked: folder cannot be read \(EACCES\)/m);
  });
});

describe('the gate refuses bad files, naming them', () => {
  it('an empty YAML file and one of comments only', () => {
    writeFileSync(join(root, 'clusters', 'dev', 'shop', 'empty.yaml'), '');
    expectRefused(runGateCli(['clusters'], root), /^error: clusters\/dev\/shop\/empty\.yaml: is empty: refused/m);
    writeFileSync(join(root, 'clusters', 'dev', 'shop', 'empty.yaml'), '# nothing here\n---\n');
    expectRefused(runGateCli(['clusters'], root), /^error: clusters\/dev\/shop\/empty\.yaml: holds no YAML document/m);
  });

  it('a file that is not valid UTF-8', () => {
    writeFileSync(
      join(root, 'clusters', 'dev', 'shop', 'latin1.yaml'),
      Buffer.concat([
        Buffer.from(`apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${SECRET}}\ndata: {a: "`),
        Buffer.from([0xe9, 0x22, 0x7d, 0x0a]),
      ]),
    );
    expectRefused(runGateCli(['clusters'], root), /^error: clusters\/dev\/shop\/latin1\.yaml: is not valid UTF-8/m);
  });

  it('a file over the size cap, before parsing it', () => {
    const big = join(root, 'clusters', 'dev', 'shop', 'big.yaml');
    writeFileSync(big, `data: "${'x'.repeat(MAX_SOURCE_BYTES)}"\n`);
    expectRefused(
      runGateCli(['clusters'], root),
      new RegExp(
        `^error: clusters/dev/shop/big\\.yaml: is ${MAX_SOURCE_BYTES + 9} bytes, more than the ${MAX_SOURCE_BYTES}-byte cap`,
        'm',
      ),
    );
  });

  it('nesting deeper than the cap, and nesting deep enough to overflow the parser, without a stack trace', () => {
    writeFileSync(join(root, 'clusters', 'dev', 'shop', 'deep.json'), `${'['.repeat(100)}${']'.repeat(100)}`);
    expectRefused(
      runGateCli(['clusters'], root),
      /^error: clusters\/dev\/shop\/deep\.json:1: collections nest deeper than 64 levels/m,
    );
    writeFileSync(join(root, 'clusters', 'dev', 'shop', 'deep.json'), `${'['.repeat(20_000)}${']'.repeat(20_000)}`);
    expectRefused(
      runGateCli(['clusters'], root),
      /^error: clusters\/dev\/shop\/deep\.json:1: (cannot parse: Maximum call stack size exceeded|collections nest deeper)/m,
    );
  });
});

describe('validate:manifests refuses the same inputs through the same reader', () => {
  const validate = async (path: string) => {
    const errors: string[] = [];
    const code = await runValidateManifests([path], { info: () => {}, error: (line) => errors.push(line) });
    return { code, errors: errors.join('\n') };
  };

  it('a symlink out of the repository, a FIFO and an empty file: exit 2, each named', async () => {
    const shop = join(root, 'clusters', 'dev', 'shop');
    writeFileSync(join(outside, 'leak.yaml'), `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ${SECRET}}\n`);
    symlinkSync(join(outside, 'leak.yaml'), join(shop, 'leak.yaml'));
    let run = await validate(join(shop, 'leak.yaml'));
    expect(run.code).toBe(EXIT.usage);
    expect(run.errors).toContain('leak.yaml: is a symbolic link out of the repository: refused');
    expect(run.errors).not.toContain(SECRET);

    execFileSync('mkfifo', [join(shop, 'pipe.yaml')]);
    run = await validate(join(shop, 'pipe.yaml'));
    expect(run.code).toBe(EXIT.usage);
    expect(run.errors).toContain('pipe.yaml: is not a regular file (a device, FIFO or socket): refused');

    writeFileSync(join(shop, 'empty.yaml'), '\n');
    run = await validate(join(shop, 'empty.yaml'));
    expect(run.code).toBe(EXIT.usage);
    expect(run.errors).toContain('empty.yaml: is empty: refused');
  });
});

describe('readSourceFile', () => {
  it('refuses a file larger than the cap it is given, naming the file', () => {
    const file = join(root, 'small-cap.yaml');
    writeFileSync(file, 'a: 1\nb: 2\n');
    expect(() => readSourceFile(file, 'small-cap.yaml', 4)).toThrow(
      new GateInputError('small-cap.yaml', null, 'is 10 bytes, more than the 4-byte cap on a gated file: refused'),
    );
  });
});
