import { SummaryInputError } from './errors';
import { canonicalJson, diffStacks, parseStack } from './stack-diff';

const where = { before: 'origin/main:stack.json', after: 'stack.json' };

const provider = { aws: [{ region: 'eu-west-1', default_tags: [{ tags: { environment: 'prod' } }] }] };

describe('diffStacks', () => {
  it('lists resources added and removed between two versions by their Terraform address', () => {
    const before = {
      provider,
      resource: { aws_s3_bucket: { logs: { bucket: 'logs' } }, aws_sqs_queue: { jobs: { name: 'jobs' } } },
    };
    const after = {
      provider,
      resource: { aws_s3_bucket: { logs: { bucket: 'logs' }, audit: { bucket: 'audit' } } },
    };
    expect(diffStacks(before, after, where)).toEqual({
      added: ['aws_s3_bucket.audit'],
      removed: ['aws_sqs_queue.jobs'],
      changed: [],
      blocks: [],
    });
  });

  it('names a changed resource with the attributes whose value changed, ignoring key order', () => {
    const before = {
      resource: { aws_db_instance: { database: { instance_class: 'db.t4g.small', tags: { a: '1', b: '2' } } } },
    };
    const after = {
      resource: { aws_db_instance: { database: { tags: { b: '2', a: '1' }, instance_class: 'db.r7g.large' } } },
    };
    expect(diffStacks(before, after, where).changed).toEqual([
      { address: 'aws_db_instance.database', attributes: ['instance_class'] },
    ]);
  });

  it('addresses data sources with the data. prefix', () => {
    const after = { data: { aws_caller_identity: { current: {} } } };
    expect(diffStacks({}, after, where).added).toEqual(['data.aws_caller_identity.current']);
  });

  it('reports a changed provider block, which reaches every resource through default_tags, but not the metadata', () => {
    const before = { '//': { metadata: { version: '0.21.0' } }, provider, resource: {} };
    const after = {
      '//': { metadata: { version: '0.21.1' } },
      provider: { aws: [{ region: 'eu-west-1', default_tags: [{ tags: { environment: 'production' } }] }] },
      resource: {},
    };
    expect(diffStacks(before, after, where).blocks).toEqual(['provider']);
  });

  it('treats a stack that is new or gone as all added or all removed', () => {
    const stack = { resource: { aws_vpc: { main: {} }, aws_subnet: { a: {}, b: {} } } };
    expect(diffStacks(null, stack, where).added).toEqual(['aws_subnet.a', 'aws_subnet.b', 'aws_vpc.main']);
    expect(diffStacks(stack, null, where).removed).toEqual(['aws_subnet.a', 'aws_subnet.b', 'aws_vpc.main']);
  });

  it('refuses a resource section that is not an object of types, naming the file', () => {
    expect(() => diffStacks({ resource: [] }, {}, where)).toThrow('origin/main:stack.json: "resource" must be');
  });
});

describe('parseStack', () => {
  it('names the file and the fix when the JSON does not parse', () => {
    expect(() => parseStack('{ nope', 'terraform/cdktf.out/stacks/prod/cdk.tf.json')).toThrow(SummaryInputError);
    expect(() => parseStack('{ nope', 'terraform/cdktf.out/stacks/prod/cdk.tf.json')).toThrow(
      /^terraform\/cdktf\.out\/stacks\/prod\/cdk\.tf\.json: not valid JSON .*run npm run synth$/,
    );
  });
});

describe('canonicalJson', () => {
  it('writes equal values identically whatever their key order', () => {
    expect(canonicalJson({ b: [1, { d: 1, c: 2 }], a: null })).toBe(canonicalJson({ a: null, b: [1, { c: 2, d: 1 }] }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: '1' }));
  });
});
