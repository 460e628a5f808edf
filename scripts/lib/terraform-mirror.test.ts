import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TerraformSetupError } from './terraform-binary';
import {
  AWS_PROVIDER_ADDRESS,
  findProviderMirror,
  impliedMirrorDirs,
  mirrorHasProvider,
  terraformPlatform,
} from './terraform-mirror';

const VERSION = '5.100.0';
const PLATFORM = 'linux_amd64';
let scratch: string;

beforeEach(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ecolaura-mirror-'));
});
afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** Lays out an unpacked mirror of the AWS provider under `dir`. */
function unpackedMirror(dir: string, version = VERSION, platform = PLATFORM): string {
  const providerDir = join(dir, ...AWS_PROVIDER_ADDRESS, version, platform);
  mkdirSync(providerDir, { recursive: true });
  writeFileSync(join(providerDir, `terraform-provider-aws_v${version}_x5`), '');
  return dir;
}

describe('terraformPlatform', () => {
  it('names platforms as Terraform does', () => {
    expect(terraformPlatform('linux', 'x64')).toBe('linux_amd64');
    expect(terraformPlatform('darwin', 'arm64')).toBe('darwin_arm64');
    expect(terraformPlatform('win32', 'x64')).toBe('windows_amd64');
  });
});

describe('mirrorHasProvider', () => {
  it('recognises the unpacked layout', () => {
    expect(mirrorHasProvider(unpackedMirror(scratch), VERSION, PLATFORM)).toBe(true);
  });

  it('recognises the packed layout', () => {
    const dir = join(scratch, ...AWS_PROVIDER_ADDRESS);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `terraform-provider-aws_${VERSION}_${PLATFORM}.zip`), '');
    expect(mirrorHasProvider(scratch, VERSION, PLATFORM)).toBe(true);
  });

  it('rejects another version or platform', () => {
    unpackedMirror(scratch);
    expect(mirrorHasProvider(scratch, '5.99.0', PLATFORM)).toBe(false);
    expect(mirrorHasProvider(scratch, VERSION, 'linux_arm64')).toBe(false);
  });
});

describe('impliedMirrorDirs', () => {
  it("lists Terraform's implied local mirror directories under home and the XDG data dirs", () => {
    expect(impliedMirrorDirs({ XDG_DATA_DIRS: '/a:/b' }, '/home/u')).toEqual([
      '/home/u/.terraform.d/plugins',
      '/home/u/.local/share/terraform/plugins',
      '/a/terraform/plugins',
      '/b/terraform/plugins',
    ]);
  });
});

describe('findProviderMirror', () => {
  const none = { impliedDirs: [] as string[], searchRoots: [] as string[] };

  it('takes TF_PROVIDER_MIRROR first when it holds the provider', () => {
    const dir = unpackedMirror(join(scratch, 'explicit'));
    const result = findProviderMirror({
      version: VERSION,
      platform: PLATFORM,
      env: { TF_PROVIDER_MIRROR: dir },
      ...none,
    });
    expect(result.found).toEqual({ dir, how: 'environment' });
  });

  it('refuses a TF_PROVIDER_MIRROR without the provider, naming the path it expected', () => {
    const dir = join(scratch, 'empty');
    mkdirSync(dir);
    expect(() =>
      findProviderMirror({ version: VERSION, platform: PLATFORM, env: { TF_PROVIDER_MIRROR: dir }, ...none }),
    ).toThrow(TerraformSetupError);
    expect(() =>
      findProviderMirror({ version: VERSION, platform: PLATFORM, env: { TF_PROVIDER_MIRROR: dir }, ...none }),
    ).toThrow(join(dir, 'registry.terraform.io', 'hashicorp', 'aws', VERSION, PLATFORM));
  });

  it("finds the provider in one of Terraform's implied directories", () => {
    const implied = unpackedMirror(join(scratch, 'implied'));
    const result = findProviderMirror({
      version: VERSION,
      platform: PLATFORM,
      env: {},
      impliedDirs: [join(scratch, 'missing'), implied],
      searchRoots: [],
    });
    expect(result.found).toEqual({ dir: implied, how: 'implied' });
  });

  it('finds a mirror one or two levels below a search root', () => {
    const root = join(scratch, 'opt');
    const nested = unpackedMirror(join(root, 'vendor', 'tf-plugins'));
    const result = findProviderMirror({
      version: VERSION,
      platform: PLATFORM,
      env: {},
      impliedDirs: [],
      searchRoots: [root],
    });
    expect(result.found).toEqual({ dir: nested, how: 'search' });
  });

  it('does not search deeper than two levels', () => {
    const root = join(scratch, 'opt');
    unpackedMirror(join(root, 'a', 'b', 'c'));
    const result = findProviderMirror({
      version: VERSION,
      platform: PLATFORM,
      env: {},
      impliedDirs: [],
      searchRoots: [root],
    });
    expect(result.found).toBeUndefined();
    expect(result.looked).toEqual([`${root}/*/, ${root}/*/*/`]);
  });
});
