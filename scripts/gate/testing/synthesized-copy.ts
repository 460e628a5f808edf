/**
 * A scratch copy of the committed synthesized output (every stack's cdk.tf.json and all of
 * clusters/), at the same relative paths so the gate detects environments exactly as in the
 * repository. Missing output is an error, never a skip: the tests that use it must fail.
 */

import { cpSync, existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
const STACKS = join('terraform', 'cdktf.out', 'stacks');

/** Repo-relative paths of what the gate gates by default (saved plans aside: they are not committed). */
export function synthesizedOutputs(root: string = REPO_ROOT): string[] {
  const stacksDir = join(root, STACKS);
  if (!existsSync(stacksDir))
    throw new Error(`${stacksDir} is missing: run npm run synth (the Terraform output is committed)`);
  const stacks = readdirSync(stacksDir)
    .sort()
    .map((env) => join(STACKS, env, 'cdk.tf.json'))
    .filter((file) => existsSync(join(root, file)));
  if (stacks.length === 0) throw new Error(`no ${STACKS}/*/cdk.tf.json: run npm run synth`);
  if (!existsSync(join(root, 'clusters')))
    throw new Error('clusters/ is missing: run npm run synth (the manifests are committed)');
  return [...stacks, 'clusters'];
}

/** Every file of the synthesized outputs under `root`, as root-relative POSIX paths. */
export function synthesizedFiles(root: string = REPO_ROOT): string[] {
  const walk = (path: string): string[] =>
    statSync(join(root, path)).isDirectory()
      ? readdirSync(join(root, path)).flatMap((name) => walk(`${path}/${name}`))
      : [path];
  return synthesizedOutputs(root).flatMap((path) => walk(path.split(sep).join('/')));
}

/** Copies the committed outputs into a new temporary directory and returns it. */
export function copySynthesizedOutputs(from: string = REPO_ROOT): string {
  const target = mkdtempSync(join(tmpdir(), 'gate-copy-'));
  for (const path of synthesizedOutputs(from)) cpSync(join(from, path), join(target, path), { recursive: true });
  return target;
}
