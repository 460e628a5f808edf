import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GateUsageError } from '../core/errors';
import { collectFiles, defaultPaths } from './collect-files';

let root: string;

function write(relative: string, content = 'x'): void {
  mkdirSync(dirname(join(root, relative)), { recursive: true });
  writeFileSync(join(root, relative), content);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'gate-collect-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('collectFiles', () => {
  it('walks directories recursively, returning gated files sorted by their root-relative path', () => {
    write('clusters/prod/b/Service.b.yaml');
    write('clusters/prod/a/Deployment.a.yml');
    write('clusters/dev/a/object.json');
    const { files } = collectFiles(['clusters'], root);
    expect(files.map((f) => f.file)).toEqual([
      'clusters/dev/a/object.json',
      'clusters/prod/a/Deployment.a.yml',
      'clusters/prod/b/Service.b.yaml',
    ]);
    expect(files[0]?.absolute).toBe(join(root, 'clusters/dev/a/object.json'));
  });

  it('reports what it passed over instead of skipping silently', () => {
    write('clusters/README.md');
    write('clusters/prod/x.yaml');
    write('clusters/.terraform/providers.json');
    expect(collectFiles(['clusters'], root).skipped).toEqual([
      { file: 'clusters/.terraform', reason: 'tool state folder' },
      { file: 'clusters/README.md', reason: 'not .yaml/.yml/.json' },
    ]);
  });

  it('gates a file named twice once', () => {
    write('a.yaml');
    expect(collectFiles(['a.yaml', '.'], root).files.map((f) => f.file)).toEqual(['a.yaml']);
  });

  it('refuses a missing path, an explicitly named ungated file and a walk that finds nothing', () => {
    write('notes.txt');
    mkdirSync(join(root, 'empty'));
    expect(() => collectFiles(['nope'], root)).toThrow(new GateUsageError('path "nope" does not exist'));
    expect(() => collectFiles(['notes.txt'], root)).toThrow(/not a \.yaml, \.yml or \.json file/);
    expect(() => collectFiles(['empty'], root)).toThrow(/nothing to gate/);
  });
});

describe('defaultPaths', () => {
  it('names every stack file, clusters/ and the saved plans, but not cdktf manifest.json', () => {
    write('terraform/cdktf.out/manifest.json');
    write('terraform/cdktf.out/stacks/prod/cdk.tf.json');
    write('terraform/cdktf.out/stacks/dev/cdk.tf.json');
    write('clusters/prod/x.yaml');
    write('.tfcheck/prod/plan.json');
    mkdirSync(join(root, '.tfcheck/dev'), { recursive: true });
    expect(defaultPaths(root).map((p) => p.slice(root.length + 1))).toEqual([
      'terraform/cdktf.out/stacks/dev/cdk.tf.json',
      'terraform/cdktf.out/stacks/prod/cdk.tf.json',
      'clusters',
      '.tfcheck/prod/plan.json',
    ]);
  });

  it('fails rather than gating nothing when the synthesized output is missing', () => {
    expect(() => defaultPaths(root)).toThrow(/run npm run synth first/);
    write('terraform/cdktf.out/stacks/prod/cdk.tf.json');
    expect(() => defaultPaths(root)).toThrow('no paths given and clusters/ does not exist: run npm run synth first');
  });
});
