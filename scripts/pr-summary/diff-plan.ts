/**
 * Plans a stack's head against the state its base would have left (prior-state.ts), offline
 * when a filesystem mirror holds the AWS provider:
 * `terraform init -backend=false` once per stack, the base planned until its synthetic state is
 * what the base describes, then `terraform plan -refresh=false` of the head and `show -json`.
 * Both results are cached under the work directory by the sha256 of what they were made from
 * (stacks, Terraform and provider versions), so a rerun with the same base and head plans nothing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { VERSIONS } from '../../environments';
import { sha256Hex } from '../lib/plan-stamp';
import { findTerraform } from '../lib/terraform-binary';
import { renderCliConfig } from '../lib/terraform-cli-config';
import { findProviderMirror, PROVIDER_MIRROR_VARIABLE } from '../lib/terraform-mirror';
import { runTerraform } from '../lib/terraform-process';
import { SummaryInputError } from './errors';
import { pendingChanges, type StateV4, stateFromPlan } from './prior-state';
import { type ProviderSchemas, resourceSchemas } from './provider-schema';
import { baselineChanges } from './resource-changes';
import { canonicalJson } from './stack-diff';
import type { ValueChange } from './value-diff';

/** Rounds of planning the base against its own state before giving up on it settling. */
const MAX_ROUNDS = 6;

export interface DiffPlanSetup {
  /** Git-ignored folder for workspaces and the cache, e.g. `<root>/.tfcheck/pr-summary`. */
  readonly workDir: string;
  readonly log: (line: string) => void;
  /**
   * Plan the head against the environment's deployed state in its S3 backend (refreshed from
   * AWS) instead of a synthetic one. Needs credentials for the environment's account.
   * @default false
   */
  readonly realBackend?: boolean;
}

export interface StackSides {
  /** Stack folder: `prod`, `bootstrap-prod`. */
  readonly stack: string;
  readonly accountId: string;
  readonly region: string;
  /** Parsed `cdk.tf.json` at the base and at the head; null where the stack does not exist. */
  readonly base: Record<string, unknown> | null;
  readonly head: Record<string, unknown> | null;
}

export interface DiffPlan {
  /** `terraform show -json` of the head planned against the base's state. */
  readonly plan: Record<string, unknown>;
  /**
   * Resources the base still plans to change against its own state (provider quirks such as a
   * hashed `user_data`); their identical changes in the head plan are not the pull request's.
   */
  readonly baseline: ReadonlyMap<string, readonly ValueChange[]>;
  readonly cached: boolean;
}

/** The stack as planned offline: no backend, so plan uses the local state we write. */
function withoutBackend(stack: Record<string, unknown>): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(stack)) as Record<string, unknown>;
  const terraform = copy.terraform as Record<string, unknown> | undefined;
  if (terraform) delete terraform.backend;
  return copy;
}

/** The same providers and versions with no resources: what a deleted stack plans as. */
function emptyStack(stack: Record<string, unknown>): Record<string, unknown> {
  const { terraform, provider } = withoutBackend(stack);
  return { terraform, provider };
}

function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.partial`, text);
  renameSync(`${file}.partial`, file);
}

/**
 * The terraform processes' environment: the AWS provider from a filesystem mirror when one is
 * found (offline, as tf:check does), else from the public registry through a plugin cache.
 */
function terraformEnvironment(workDir: string, log: (line: string) => void): NodeJS.ProcessEnv {
  const { found } = findProviderMirror({ version: VERSIONS.awsProvider });
  const installation: NodeJS.ProcessEnv = {};
  if (found) {
    const configFile = join(workDir, 'terraform.tfrc');
    writeFileSync(configFile, renderCliConfig(found.dir));
    installation.TF_CLI_CONFIG_FILE = configFile;
  } else {
    log(
      `info: no filesystem mirror holds hashicorp/aws ${VERSIONS.awsProvider} (set ${PROVIDER_MIRROR_VARIABLE} to use one); installing it from the public registry`,
    );
    installation.TF_PLUGIN_CACHE_DIR = join(workDir, 'plugin-cache');
    mkdirSync(installation.TF_PLUGIN_CACHE_DIR, { recursive: true });
  }
  return {
    ...process.env,
    ...installation,
    TF_IN_AUTOMATION: '1',
    TF_INPUT: '0',
    CHECKPOINT_DISABLE: '1',
    // Plans with -refresh=false and no data sources never call AWS; the provider still wants keys.
    AWS_ACCESS_KEY_ID: 'pr-summary-offline-plan',
    AWS_SECRET_ACCESS_KEY: 'pr-summary-offline-plan',
    AWS_SESSION_TOKEN: '',
    AWS_PROFILE: '',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}

/** One stack's Terraform workspace under the work directory, initialised once. */
class Workspace {
  private constructor(
    readonly dir: string,
    private readonly terraform: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly stack: string,
  ) {}

  static async open(setup: DiffPlanSetup, sides: StackSides, env: NodeJS.ProcessEnv): Promise<Workspace> {
    const dir = join(setup.workDir, sides.stack);
    mkdirSync(dir, { recursive: true });
    const workspace = new Workspace(dir, findTerraform(), env, sides.stack);
    const sample = sides.head ?? sides.base;
    if (sample) workspace.writeConfig(emptyStack(sample));
    if (!existsSync(join(dir, '.terraform.lock.hcl'))) await workspace.run(['init', '-backend=false', '-input=false']);
    return workspace;
  }

  writeConfig(stack: Record<string, unknown>): void {
    writeAtomically(join(this.dir, 'cdk.tf.json'), `${JSON.stringify(stack, null, 2)}\n`);
  }

  writeState(state: StateV4 | null): void {
    const file = join(this.dir, 'terraform.tfstate');
    if (state) writeAtomically(file, `${JSON.stringify(state)}\n`);
    else rmSync(file, { force: true });
  }

  async run(args: readonly string[]): Promise<string> {
    const run = await runTerraform(this.terraform, [...args, '-no-color'], this.dir, this.env);
    if (run.error || run.status !== 0) {
      const tail = `${run.stdout}${run.stderr}`.trimEnd().split('\n').slice(-30).join('\n  ');
      throw new SummaryInputError(`${this.stack}: terraform ${args[0]} failed in ${this.dir}:\n  ${tail}`);
    }
    return run.stdout;
  }

  async plan(): Promise<Record<string, unknown>> {
    await this.run(['plan', '-refresh=false', '-lock=false', '-input=false', '-out=plan.bin']);
    return JSON.parse(await this.run(['show', '-json', 'plan.bin'])) as Record<string, unknown>;
  }

  async schemas(cacheDir: string): Promise<ProviderSchemas> {
    const file = join(cacheDir, `schema-aws-${VERSIONS.awsProvider}.json`);
    if (!existsSync(file)) writeAtomically(file, await this.run(['providers', 'schema', '-json']));
    return resourceSchemas(JSON.parse(readFileSync(file, 'utf8')));
  }
}

interface BaseState {
  readonly state: StateV4;
  /** What the base still plans against its own state, by address. */
  readonly baseline: readonly (readonly [string, readonly ValueChange[]])[];
}

/** Plans the base against its own synthetic state until nothing more settles. */
async function settleBase(
  workspace: Workspace,
  sides: StackSides,
  schemas: ProviderSchemas,
  log: (line: string) => void,
): Promise<BaseState> {
  const started = performance.now();
  const base = withoutBackend(sides.base as Record<string, unknown>);
  workspace.writeConfig(base);
  workspace.writeState(null);
  let plan = await workspace.plan();
  let state: StateV4 | undefined;
  let pending: string[] = [];
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const context = { accountId: sides.accountId, region: sides.region };
    state = stateFromPlan({ plan, schemas, context, prior: state, config: base, where: `${sides.stack} (base)` });
    workspace.writeState(state);
    plan = await workspace.plan();
    const now = pendingChanges(plan);
    if (now.length === 0 || canonicalJson(now) === canonicalJson(pending)) {
      const baseline = now.length > 0 ? `; ${now.length} left as baseline: ${now.join(', ')}` : '';
      log(
        `info: ${sides.stack}: base state settled in ${round} rounds (${((performance.now() - started) / 1000).toFixed(1)} s)${baseline}`,
      );
      return { state, baseline: [...baselineChanges(plan, `${sides.stack} (base)`)] };
    }
    pending = now;
  }
  throw new SummaryInputError(
    `${sides.stack}: the base stack's synthetic state did not settle in ${MAX_ROUNDS} rounds; still changing: ${pending.join(', ')}`,
  );
}

/** The Terraform CLI's own version: a new CLI may plan differently, so it is part of the cache key. */
function terraformVersion(): string {
  const run = spawnSync(findTerraform(), ['version', '-json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new SummaryInputError(`terraform version -json failed: ${run.stderr.trim()}`);
  return String((JSON.parse(run.stdout) as { terraform_version?: string }).terraform_version);
}

/** The credential variables the AWS provider reads; one of them must be set for --real-backend. */
const CREDENTIAL_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_PROFILE', 'AWS_WEB_IDENTITY_TOKEN_FILE'] as const;

/**
 * The head planned against what is deployed: `init` with the stack's own `backend "s3"` block,
 * then `plan -lock=false` with refresh, as `terraform plan` in the environment would. Never cached.
 */
async function planAgainstRealBackend(setup: DiffPlanSetup, sides: StackSides): Promise<DiffPlan> {
  if (!CREDENTIAL_VARIABLES.some((name) => process.env[name])) {
    throw new SummaryInputError(
      `--real-backend plans ${sides.stack} against its S3 state and needs AWS credentials for account ${sides.accountId}; set one of ${CREDENTIAL_VARIABLES.join(', ')}`,
    );
  }
  if (!sides.head)
    throw new SummaryInputError(`--real-backend: ${sides.stack} was deleted; plan its destroy in the environment`);
  const dir = join(setup.workDir, 'real-backend', sides.stack);
  mkdirSync(dir, { recursive: true });
  writeAtomically(join(dir, 'cdk.tf.json'), `${JSON.stringify(sides.head, null, 2)}\n`);
  const terraform = findTerraform();
  const env = { ...process.env, TF_IN_AUTOMATION: '1', TF_INPUT: '0', CHECKPOINT_DISABLE: '1' };
  for (const args of [
    ['init', '-input=false', '-reconfigure'],
    ['plan', '-lock=false', '-input=false', '-out=plan.bin'],
  ]) {
    const run = await runTerraform(terraform, [...args, '-no-color'], dir, env);
    if (run.error || run.status !== 0) {
      throw new SummaryInputError(
        `${sides.stack}: terraform ${args[0]} against the S3 backend failed:\n${run.stderr.trimEnd()}`,
      );
    }
  }
  const shown = await runTerraform(terraform, ['show', '-json', '-no-color', 'plan.bin'], dir, env);
  if (shown.status !== 0)
    throw new SummaryInputError(`${sides.stack}: terraform show failed:\n${shown.stderr.trimEnd()}`);
  setup.log(`info: ${sides.stack}: head planned against the deployed state in its S3 backend`);
  return { plan: JSON.parse(shown.stdout) as Record<string, unknown>, baseline: new Map(), cached: false };
}

/** The head's plan against the base's state, from the cache when both sides were planned before. */
export async function planAgainstBase(setup: DiffPlanSetup, sides: StackSides): Promise<DiffPlan> {
  if (setup.realBackend) return planAgainstRealBackend(setup, sides);
  const started = performance.now();
  const cacheDir = join(setup.workDir, 'cache');
  mkdirSync(cacheDir, { recursive: true });
  const versions = `terraform:${terraformVersion()} aws:${VERSIONS.awsProvider}`;
  const baseKey = sha256Hex(`${versions}\n${sides.base ? canonicalJson(withoutBackend(sides.base)) : 'none'}`);
  const headKey = sha256Hex(`${baseKey}\n${sides.head ? canonicalJson(withoutBackend(sides.head)) : 'none'}`);
  const planFile = join(cacheDir, `${sides.stack}-plan-${headKey}.json`);
  const baseFile = join(cacheDir, `${sides.stack}-state-${baseKey}.json`);
  if (existsSync(planFile) && existsSync(baseFile)) {
    const { baseline } = JSON.parse(readFileSync(baseFile, 'utf8')) as BaseState;
    setup.log(`info: ${sides.stack}: base and head plans from the cache`);
    return { plan: JSON.parse(readFileSync(planFile, 'utf8')), baseline: new Map(baseline), cached: true };
  }
  const workspace = await Workspace.open(setup, sides, terraformEnvironment(setup.workDir, setup.log));
  let base: BaseState | null = null;
  if (sides.base) {
    if (existsSync(baseFile)) {
      base = JSON.parse(readFileSync(baseFile, 'utf8')) as BaseState;
    } else {
      base = await settleBase(workspace, sides, await workspace.schemas(cacheDir), setup.log);
      writeAtomically(baseFile, `${JSON.stringify(base)}\n`);
    }
  }
  workspace.writeConfig(sides.head ? withoutBackend(sides.head) : emptyStack(sides.base as Record<string, unknown>));
  workspace.writeState(base?.state ?? null);
  const plan = await workspace.plan();
  writeAtomically(planFile, JSON.stringify(plan));
  setup.log(
    `info: ${sides.stack}: head planned against the base's state (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  return { plan, baseline: new Map(base?.baseline ?? []), cached: false };
}
