import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { TerraformSetupError } from './terraform-binary';

/** Environment variable naming a filesystem mirror explicitly. */
export const PROVIDER_MIRROR_VARIABLE = 'TF_PROVIDER_MIRROR';

/** Source address of the one provider the stacks use, as laid out in a mirror. */
export const AWS_PROVIDER_ADDRESS = ['registry.terraform.io', 'hashicorp', 'aws'] as const;

/**
 * Generic filesystem roots searched, two levels deep, for a mirror someone installed without
 * telling Terraform (`<root>/<anything>/registry.terraform.io/hashicorp/aws/<version>`).
 * Only FHS locations for add-on software; nothing specific to one machine.
 */
export const SEARCH_ROOTS = ['/opt', '/usr/local/share', '/usr/local/lib', '/usr/share', '/usr/lib'] as const;

/** Terraform's platform name for this process, e.g. `linux_amd64`. */
export function terraformPlatform(platform: string = process.platform, arch: string = process.arch): string {
  const os = platform === 'win32' ? 'windows' : platform;
  const cpu = ({ x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' } as Record<string, string>)[arch] ?? arch;
  return `${os}_${cpu}`;
}

/**
 * Whether `mirrorDir` holds the AWS provider `version` for `platform`, in either layout
 * Terraform reads: unpacked (`…/aws/<version>/<platform>/`) or packed
 * (`…/aws/terraform-provider-aws_<version>_<platform>.zip`).
 * https://developer.hashicorp.com/terraform/cli/config/config-file#filesystem_mirror
 */
export function mirrorHasProvider(mirrorDir: string, version: string, platform: string): boolean {
  const providerDir = join(mirrorDir, ...AWS_PROVIDER_ADDRESS);
  return (
    isDirectory(join(providerDir, version, platform)) ||
    existsSync(join(providerDir, `terraform-provider-aws_${version}_${platform}.zip`))
  );
}

/**
 * Directories Terraform itself searches as implied local mirrors on this OS.
 * https://developer.hashicorp.com/terraform/cli/config/config-file#implied-local-mirror-directories
 */
export function impliedMirrorDirs(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string[] {
  if (process.platform === 'win32') return env.APPDATA ? [join(env.APPDATA, 'HashiCorp', 'Terraform', 'plugins')] : [];
  const dataHome = env.XDG_DATA_HOME || join(home, '.local', 'share');
  const dataDirs = (env.XDG_DATA_DIRS || '/usr/local/share:/usr/share').split(':').filter(Boolean);
  return [
    join(home, '.terraform.d', 'plugins'),
    join(dataHome, 'terraform', 'plugins'),
    ...dataDirs.map((dir) => join(dir, 'terraform', 'plugins')),
  ];
}

export interface MirrorSearch {
  /** Provider version to look for, e.g. `5.100.0`. */
  readonly version: string;
  /** @default terraformPlatform() */
  readonly platform?: string;
  /** @default process.env */
  readonly env?: NodeJS.ProcessEnv;
  /** @default impliedMirrorDirs(env) */
  readonly impliedDirs?: readonly string[];
  /** @default SEARCH_ROOTS */
  readonly searchRoots?: readonly string[];
}

/** Where a mirror was found, and how. */
export interface FoundMirror {
  readonly dir: string;
  readonly how: 'environment' | 'implied' | 'search';
}

/**
 * Finds a filesystem mirror holding the AWS provider: `TF_PROVIDER_MIRROR` (which must then
 * hold it), then Terraform's implied local mirror directories, then a shallow search of
 * generic roots. Returns `undefined` when there is none, with `looked` listing the places tried.
 */
export function findProviderMirror(search: MirrorSearch): { found?: FoundMirror; looked: string[] } {
  const env = search.env ?? process.env;
  const platform = search.platform ?? terraformPlatform();
  const explicit = env[PROVIDER_MIRROR_VARIABLE];
  if (explicit) {
    const dir = isAbsolute(explicit) ? explicit : resolve(explicit);
    if (!mirrorHasProvider(dir, search.version, platform)) {
      throw new TerraformSetupError(
        `${PROVIDER_MIRROR_VARIABLE}=${explicit} holds no ${AWS_PROVIDER_ADDRESS.join('/')} ${search.version} for ` +
          `${platform}; expected ${join(dir, ...AWS_PROVIDER_ADDRESS, search.version, platform)}/ ` +
          '(or the packed .zip beside it); fix the path or unset the variable',
      );
    }
    return { found: { dir, how: 'environment' }, looked: [dir] };
  }
  const looked: string[] = [];
  for (const dir of search.impliedDirs ?? impliedMirrorDirs(env)) {
    looked.push(dir);
    if (mirrorHasProvider(dir, search.version, platform)) return { found: { dir, how: 'implied' }, looked };
  }
  for (const root of search.searchRoots ?? SEARCH_ROOTS) {
    looked.push(`${root}/*/, ${root}/*/*/`);
    const dir = searchRoot(root, search.version, platform);
    if (dir) return { found: { dir, how: 'search' }, looked };
  }
  return { looked };
}

/** Looks at most two directory levels below `root`, in sorted order so the answer is stable. */
function searchRoot(root: string, version: string, platform: string): string | undefined {
  const level = (dir: string): string[] =>
    subdirectories(dir)
      .sort()
      .map((name) => join(dir, name));
  for (const first of level(root)) {
    if (mirrorHasProvider(first, version, platform)) return first;
  }
  for (const first of level(root)) {
    for (const second of level(first)) {
      if (mirrorHasProvider(second, version, platform)) return second;
    }
  }
  return undefined;
}

function subdirectories(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return [];
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
