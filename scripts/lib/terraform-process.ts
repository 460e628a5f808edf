/**
 * Running the Terraform CLI as a child process: its output collected, its exit status returned,
 * never thrown, so each caller words the failure for its own command.
 */
import { spawn } from 'node:child_process';

export interface TerraformRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly error?: Error;
}

export function runTerraform(terraform: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<TerraformRun>((resolveRun) => {
    const child = spawn(terraform, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const finish = (status: number | null, error?: Error) =>
      resolveRun({
        status,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        ...(error ? { error } : {}),
      });
    child.on('error', (error) => finish(null, error));
    child.on('close', (code) => finish(code));
  });
}
