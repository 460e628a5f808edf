import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import { ToolError } from '../core/errors';

/** Why no usable `terraform` was found; the message says how to fix it. */
export class TerraformSetupError extends ToolError {
  constructor(message: string) {
    super(message);
    this.name = 'TerraformSetupError';
  }
}

/** Environment variable naming the Terraform binary explicitly. */
export const TERRAFORM_BIN_VARIABLE = 'TERRAFORM_BIN';

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds the Terraform CLI: `TERRAFORM_BIN` when set (and then it must be right), else the first
 * `terraform` on PATH. Throws `TerraformSetupError` saying what is missing.
 */
export function findTerraform(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env[TERRAFORM_BIN_VARIABLE];
  if (explicit) {
    const path = isAbsolute(explicit) ? explicit : resolve(explicit);
    if (!isExecutableFile(path)) {
      throw new TerraformSetupError(
        `${TERRAFORM_BIN_VARIABLE}=${explicit} is not an executable file; point it at the terraform binary or unset it to search PATH`,
      );
    }
    return path;
  }
  const name = process.platform === 'win32' ? 'terraform.exe' : 'terraform';
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  throw new TerraformSetupError(
    `no terraform binary on PATH and ${TERRAFORM_BIN_VARIABLE} is not set; install Terraform >= 1.10 ` +
      `or set ${TERRAFORM_BIN_VARIABLE} to its path`,
  );
}
