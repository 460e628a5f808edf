import { readFileSync } from 'node:fs';
import { KmsKey as KmsKeyResource } from '@cdktf/provider-aws/lib/kms-key';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { constructSite, markConstructFactory, recordConstructSites } from './construct-sites';

const HERE = 'scripts/source-map/construct-sites.test.ts';

/** The line of this file holding `marker`, so the test survives edits above it. */
function lineOf(marker: string): number {
  const lines = readFileSync(__filename, 'utf8').split('\n');
  return lines.findIndex((line) => line.includes(marker) && !line.includes('lineOf(')) + 1;
}

/** Named like the provider's resource class, as terraform/keys/kms-key.ts is. */
class KmsKey extends Construct {
  readonly key: KmsKeyResource;
  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new KmsKeyResource(this, 'key', {}); // site: key resource
  }
}

/** A wrapper around `new`, like apps/lib/custom-resource.ts: marked, so its callers are the sites. */
function wrapped(scope: Construct, id: string): Construct {
  return new Construct(scope, id);
}
markConstructFactory(wrapped);

/** A construct whose resources come from a local helper, like terraform/network/network-acls.ts. */
class Rules extends Construct {
  readonly first: Construct;
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const rule = (name: string) => new Construct(this, name);
    this.first = rule('first'); // site: helper call
  }
}

describe('constructSite', () => {
  recordConstructSites();
  const app = new App({ stackTraces: false });
  const stack = new TerraformStack(app, 'stack'); // site: stack
  const wrapper = new KmsKey(stack, 'wrapper'); // site: wrapper

  it('names the line of our code that called new, climbing past library and own constructors', () => {
    expect(constructSite(stack)).toEqual({ file: HERE, line: lineOf('// site: stack') });
    expect(constructSite(wrapper)).toEqual({ file: HERE, line: lineOf('// site: wrapper') });
  });

  it('names the line inside a construct that created a library resource', () => {
    expect(constructSite(wrapper.key)).toEqual({ file: HERE, line: lineOf('// site: key resource') });
  });

  it("names the caller of a marked factory, and a helper's caller in the same file", () => {
    const viaFactory = wrapped(stack, 'wrapped'); // site: factory call
    expect(constructSite(viaFactory)).toEqual({ file: HERE, line: lineOf('// site: factory call') });
    expect(constructSite(new Rules(stack, 'rules').first)).toEqual({
      file: HERE,
      line: lineOf('// site: helper call'),
    });
  });

  it('knows nothing of objects it did not see created', () => {
    expect(constructSite({})).toBeUndefined();
  });
});
