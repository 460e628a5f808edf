/**
 * `npm run tf:check`: real Terraform over the committed output. For every environment it runs
 * `init -backend=false`, `validate`, `plan` and `show -json`, saving the plan as
 * `.tfcheck/<env>/plan.json` for the policy gate. Offline when a filesystem mirror of the AWS
 * provider is found; through the public registry otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { bootstrapStackName, ENVIRONMENT_NAMES, type EnvironmentName, stackName, VERSIONS } from '../../environments';
import { parseCommandLine, type ToolCommand } from '../core/cli';
import { ExitCode } from '../core/exit-code';
import { writeStackStamp } from '../lib/plan-stamp';
import { findTerraform, TerraformSetupError } from '../lib/terraform-binary';
import { renderCliConfig } from '../lib/terraform-cli-config';
import { findProviderMirror, PROVIDER_MIRROR_VARIABLE } from '../lib/terraform-mirror';
import { runTerraform } from '../lib/terraform-process';
import { type PlanSummary, prepareWorkspace, summarizePlan } from '../lib/terraform-workspace';

interface Options {
  readonly env: EnvironmentName[];
  readonly stacks: string;
  readonly workDir: string;
  readonly offline: boolean;
  readonly jobs?: number;
}

function buildProgram(): Command {
  return new Command('tf:check')
    .description(
      "Run terraform init (-backend=false), validate, plan and show -json for every environment's committed " +
        'stacks (the platform stack <env> and the account bootstrap stack bootstrap-<env>); plans land in ' +
        '<work-dir>/<stack>/plan.json.',
    )
    .addOption(
      new Option('--env <names...>', 'environments to check')
        .choices(ENVIRONMENT_NAMES)
        .default([...ENVIRONMENT_NAMES]),
    )
    .option('--stacks <dir>', 'directory holding <stack>/cdk.tf.json', 'terraform/cdktf.out/stacks')
    .option('--work-dir <dir>', 'git-ignored working directory for terraform', '.tfcheck')
    .option('--offline', 'require a local provider mirror; never reach a registry', false)
    .option(
      '--jobs <n>',
      'environments checked at once (default: one per CPU core; always 1 without a mirror, as the plugin cache is not safe to share)',
      (value) => {
        const jobs = Number(value);
        if (!Number.isInteger(jobs) || jobs < 1) throw new InvalidArgumentError(`"${value}" is not a positive integer`);
        return jobs;
      },
    )
    .addHelpText(
      'after',
      `
Environment:
  TERRAFORM_BIN           terraform binary to use (default: the first on PATH)
  ${PROVIDER_MIRROR_VARIABLE.padEnd(22)}  filesystem mirror holding hashicorp/aws ${VERSIONS.awsProvider}
                          (default: Terraform's implied mirror directories, then a shallow
                          search of /opt, /usr/local/share, /usr/local/lib, /usr/share, /usr/lib)

Exit codes: 0 all environments planned; 1 a terraform step failed; 2 setup problem
(no terraform, no mirror with --offline, missing synthesized stack, bad usage).`,
    );
}

type Step = 'init' | 'validate' | 'plan' | 'show';

const STEPS: readonly { step: Step; args: readonly string[] }[] = [
  { step: 'init', args: ['init', '-backend=false', '-input=false', '-no-color'] },
  { step: 'validate', args: ['validate', '-no-color'] },
  { step: 'plan', args: ['plan', '-refresh=false', '-lock=false', '-input=false', '-no-color', '-out=plan.bin'] },
  { step: 'show', args: ['show', '-json', '-no-color', 'plan.bin'] },
];

/** Lines of a failing step's output shown; the rest is noise around the error. */
const FAILURE_TAIL_LINES = 40;

interface EnvironmentResult {
  /** The stack folder: `prod`, `bootstrap-prod`. */
  readonly env: string;
  readonly failedStep?: Step;
  readonly summary?: PlanSummary;
  readonly seconds: number;
}

function seconds(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e9;
}

/** The environment of the terraform child processes; this process's own stays untouched. */
function childEnvironment(options: Options, workDir: string): { env: NodeJS.ProcessEnv; mirror: boolean } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    // No version check against HashiCorp's servers: offline it would only wait.
    CHECKPOINT_DISABLE: '1',
  };
  const { found, looked } = findProviderMirror({ version: VERSIONS.awsProvider });
  if (found) {
    const configFile = join(workDir, 'terraform.tfrc');
    writeFileSync(configFile, renderCliConfig(found.dir));
    env.TF_CLI_CONFIG_FILE = configFile;
    console.log(`info: hashicorp/aws ${VERSIONS.awsProvider} from the filesystem mirror ${found.dir} (${found.how})`);
  } else if (options.offline) {
    throw new TerraformSetupError(
      `--offline was given but no filesystem mirror holds hashicorp/aws ${VERSIONS.awsProvider}; looked in:\n` +
        looked.map((l) => `  ${l}`).join('\n') +
        `\nset ${PROVIDER_MIRROR_VARIABLE} to a mirror directory (terraform providers mirror DIR makes one)`,
    );
  } else {
    console.log(
      `info: no filesystem mirror holds hashicorp/aws ${VERSIONS.awsProvider} (set ${PROVIDER_MIRROR_VARIABLE} to use one); ` +
        'installing it from the public registry',
    );
    if (env.TF_CLI_CONFIG_FILE && !existsSync(env.TF_CLI_CONFIG_FILE)) {
      console.log(`info: ignoring TF_CLI_CONFIG_FILE=${env.TF_CLI_CONFIG_FILE}: no such file`);
      delete env.TF_CLI_CONFIG_FILE;
    }
    // One download serves every environment.
    env.TF_PLUGIN_CACHE_DIR = join(workDir, 'plugin-cache');
    mkdirSync(env.TF_PLUGIN_CACHE_DIR, { recursive: true });
  }
  const hasCredentials = ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE'].some((k) => env[k]);
  if (!hasCredentials) {
    // The provider insists on some credentials even with every lookup skipped; the plan never
    // calls AWS (no data sources, no refresh), so these are never sent anywhere.
    env.AWS_ACCESS_KEY_ID = 'tf-check-offline-plan';
    env.AWS_SECRET_ACCESS_KEY = 'tf-check-offline-plan';
    env.AWS_EC2_METADATA_DISABLED = 'true';
    console.log(
      'info: no AWS credentials in the environment; the plan runs with inert stand-in ones that never reach AWS',
    );
  }
  return { env, mirror: found !== undefined };
}

/** Runs `work` over `items` with at most `jobs` at once, keeping the results in item order. */
async function pool<T, R>(items: readonly T[], jobs: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return results;
}

async function checkEnvironment(
  terraform: string,
  env: string,
  options: Options,
  workDir: string,
  childEnv: NodeJS.ProcessEnv,
  mirror: boolean,
): Promise<EnvironmentResult> {
  const started = process.hrtime.bigint();
  const envDir = join(workDir, env);
  const stackFile = join(options.stacks, env, 'cdk.tf.json');
  const { stackBytes } = prepareWorkspace(stackFile, envDir);
  const timings: string[] = [];
  let planJson = '';
  for (const { step, args } of STEPS) {
    const stepStarted = process.hrtime.bigint();
    const run = await runTerraform(terraform, args, envDir, childEnv);
    timings.push(`${step} ${seconds(stepStarted).toFixed(1)} s`);
    if (run.error || run.status !== 0) {
      const output = `${run.stdout}${run.stderr}`.trimEnd().split('\n').slice(-FAILURE_TAIL_LINES);
      console.error(
        `error: ${env}: terraform ${step} failed (${run.error ? run.error.message : `exit ${run.status}`}) in ${relative(process.cwd(), envDir)}:`,
      );
      console.error(output.map((line) => `  ${line}`).join('\n'));
      if (step === 'init' && !mirror) {
        console.error(
          `error: ${env}: no provider mirror was found and the registry could not be used; offline, set ` +
            `${PROVIDER_MIRROR_VARIABLE} to a filesystem mirror holding hashicorp/aws ${VERSIONS.awsProvider}`,
        );
      }
      return { env, failedStep: step, seconds: seconds(started) };
    }
    if (step === 'show') planJson = run.stdout;
  }
  writeFileSync(join(envDir, 'plan.json'), planJson);
  // The gate judges this plan only while the stack still has these bytes (scripts/lib/plan-stamp.ts).
  writeStackStamp(envDir, relative(process.cwd(), stackFile).split(sep).join('/'), stackBytes);
  const summary = summarizePlan(planJson);
  console.log(
    `info: ${env}: ${summary.changed} resources planned (${summary.create} to create), plan saved to ` +
      `${relative(process.cwd(), join(envDir, 'plan.json'))}; ${timings.join(', ')}`,
  );
  return { env, summary, seconds: seconds(started) };
}

async function main(args: readonly string[]): Promise<number> {
  const program = buildProgram();
  // Bad usage exits 2, like every setup problem; --help and --version stay 0.
  const usageExit = parseCommandLine(program, args, 'user');
  if (usageExit !== undefined) return usageExit;
  const options = program.opts<Options>();
  const started = process.hrtime.bigint();
  const workDir = resolve(options.workDir);
  try {
    mkdirSync(workDir, { recursive: true });
    const terraform = findTerraform();
    const version = spawnSync(terraform, ['version', '-json'], { encoding: 'utf8' });
    const terraformVersion = version.status === 0 ? (JSON.parse(version.stdout).terraform_version as string) : '?';
    console.log(`info: terraform ${terraformVersion} at ${terraform}`);
    // Each environment's platform stack and its account's bootstrap stack (the state bucket).
    const stacks = options.env.flatMap((env: EnvironmentName) => [stackName(env), bootstrapStackName(env)]);
    const missing = stacks.filter((stack) => !existsSync(join(options.stacks, stack, 'cdk.tf.json')));
    if (missing.length > 0) {
      throw new TerraformSetupError(
        `no synthesized stack for ${missing.join(', ')} under ${options.stacks}/; run \`npm run synth\` first`,
      );
    }
    const child = childEnvironment(options, workDir);
    const jobs = child.mirror ? (options.jobs ?? availableParallelism()) : 1;
    const results = await pool(stacks, jobs, (env) =>
      checkEnvironment(terraform, env, options, workDir, child.env, child.mirror),
    );
    const failed = results.filter((r) => r.failedStep);
    const total = seconds(started).toFixed(1);
    const counts = results.map(
      (r) => `${r.env} ${r.summary ? `${r.summary.changed} resources` : `failed at ${r.failedStep}`}`,
    );
    if (failed.length > 0) {
      console.error(
        `error: tf:check failed for ${failed.map((r) => `${r.env} (${r.failedStep})`).join(', ')}; ${counts.join(', ')} (${total} s)`,
      );
      return ExitCode.findings;
    }
    console.log(`info: tf:check passed: ${counts.join(', ')} planned (${total} s)`);
    return ExitCode.ok;
  } catch (error) {
    if (error instanceof TerraformSetupError) {
      console.error(`error: ${error.message}`);
      return ExitCode.couldNotJudge;
    }
    throw error;
  }
}

export const tfCheck: ToolCommand = {
  abortLine: 'error: tf:check aborted (exit 2)',
  run: main,
};
