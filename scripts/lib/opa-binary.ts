/**
 * Finds the opa binary every policy script runs: OPA_BIN, else a real opa 1.x on PATH, else the
 * helper built from Debian's Go sources by scripts/opa-bootstrap.sh (which itself prefers a
 * real opa when one is installed).
 */

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ToolError } from '../core/errors';

export interface OpaBinary {
  /** Absolute path (or PATH name) of the binary. */
  readonly path: string;
  /** Version as `opa version` reports it, e.g. `1.4.2`. */
  readonly version: string;
  /** Where it came from, for the build log. */
  readonly origin: 'OPA_BIN' | 'PATH' | 'helper';
}

export class OpaToolError extends ToolError {
  override readonly name = 'OpaToolError';
}

/** `Version: X` of `opa version`, or undefined when the binary does not run. */
export function opaVersion(path: string): string | undefined {
  const result = spawnSync(path, ['version'], { encoding: 'utf8' });
  if (result.status !== 0) return undefined;
  return /^Version: (\S+)/m.exec(result.stdout)?.[1];
}

function onPath(): string | undefined {
  const result = spawnSync('sh', ['-c', 'command -v opa'], { encoding: 'utf8' });
  const path = result.stdout.trim();
  return result.status === 0 && path !== '' ? path : undefined;
}

/** Resolves the opa binary, building the helper when nothing else is there. */
export function findOpa(repoRoot: string): OpaBinary {
  const fromEnv = process.env.OPA_BIN;
  if (fromEnv) {
    const version = opaVersion(fromEnv);
    if (!version?.startsWith('1.')) {
      throw new OpaToolError(`OPA_BIN=${fromEnv} reports version ${version ?? '(does not run)'}; set it to an opa 1.x`);
    }
    return { path: fromEnv, version, origin: 'OPA_BIN' };
  }
  const installed = onPath();
  const installedVersion = installed ? opaVersion(installed) : undefined;
  if (installed && installedVersion?.startsWith('1.')) {
    return { path: installed, version: installedVersion, origin: 'PATH' };
  }
  const bootstrap = spawnSync('bash', [join(repoRoot, 'scripts', 'opa-bootstrap.sh'), '--helper'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const helper = bootstrap.stdout.trim().split('\n').at(-1) ?? '';
  if (bootstrap.status !== 0 || helper === '') {
    throw new OpaToolError(
      'no opa 1.x on PATH and scripts/opa-bootstrap.sh could not build the helper (see its messages above); install opa 1.x or set OPA_BIN',
    );
  }
  const version = opaVersion(helper);
  if (!version) throw new OpaToolError(`the helper built at ${helper} does not run`);
  return { path: helper, version, origin: 'helper' };
}
