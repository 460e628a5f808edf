import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { findTerraform, TerraformSetupError } from './terraform-binary';

let scratch: string;
beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ecolaura-tfbin-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

function fakeTerraform(dir: string, executable = true): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'terraform');
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, executable ? 0o755 : 0o644);
  return path;
}

it('prefers TERRAFORM_BIN', () => {
  const explicit = fakeTerraform(join(scratch, 'explicit'));
  fakeTerraform(join(scratch, 'path'));
  expect(findTerraform({ TERRAFORM_BIN: explicit, PATH: join(scratch, 'path') })).toBe(explicit);
});

it('refuses a TERRAFORM_BIN that is not an executable file', () => {
  expect(() => findTerraform({ TERRAFORM_BIN: join(scratch, 'nope') })).toThrow(
    `TERRAFORM_BIN=${join(scratch, 'nope')} is not an executable file`,
  );
});

it('takes the first executable terraform on PATH', () => {
  fakeTerraform(join(scratch, 'one'), false);
  const second = fakeTerraform(join(scratch, 'two'));
  expect(findTerraform({ PATH: [join(scratch, 'one'), join(scratch, 'two')].join(delimiter) })).toBe(second);
});

it('says what is missing when there is no terraform at all', () => {
  expect(() => findTerraform({ PATH: scratch })).toThrow(TerraformSetupError);
  expect(() => findTerraform({ PATH: scratch })).toThrow(/no terraform binary on PATH and TERRAFORM_BIN is not set/);
});
