import { GateInputError } from '../core/errors';
import { normalizeFile, normalizeSource } from './normalize';

describe('normalizeSource', () => {
  it('recognises cdktf manifest.json as a non-gated document with no resources', () => {
    const manifest = JSON.stringify({
      version: '0.21.0',
      stacks: { prod: { synthesizedStackPath: 'stacks/prod/cdk.tf.json' } },
    });
    expect(normalizeSource('terraform/cdktf.out/manifest.json', manifest)).toEqual({
      kind: 'cdktf-manifest',
      resources: [],
    });
  });

  it('refuses JSON that is neither Terraform, a plan nor a Kubernetes object', () => {
    expect(() => normalizeFile('package.json', '{\n  "name": "x"\n}\n')).toThrow(
      new GateInputError(
        'package.json',
        1,
        'unknown document: JSON that is neither Terraform configuration, a Terraform plan (terraform show -json) nor a Kubernetes object',
      ),
    );
  });

  it('refuses JSON with YAML-only syntax, because .json files are parsed strictly', () => {
    expect(() => normalizeFile('x.json', '{"resource": yes}')).toThrow(/x\.json:1: cannot parse/);
  });

  it('refuses duplicate keys instead of silently keeping one of them', () => {
    expect(() => normalizeFile('x.yaml', 'apiVersion: v1\nkind: A\nkind: B\n')).toThrow(/x\.yaml:3: cannot parse/);
  });

  it('refuses a file whose extension is not gated', () => {
    expect(() => normalizeFile('README.md', '# hi')).toThrow('README.md: cannot gate a ".md" file');
  });
});
