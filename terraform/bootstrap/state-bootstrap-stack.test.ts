import { Testing } from 'cdktf';
import { ENVIRONMENT_NAMES, environment, GDPR_KEYS, stateBackend } from '../../environments';
import { KEY_DELETION_WINDOW_DAYS } from '../keys/kms-key';
import { platformStack, ref, statement, synthesizedStackOf } from '../testing/synthesized-stack';
import { NONCURRENT_STATE_VERSION_DAYS, StateBootstrapStack } from './state-bootstrap-stack';

function bootstrapStack(name: (typeof ENVIRONMENT_NAMES)[number]) {
  const env = environment(name);
  return synthesizedStackOf(
    env,
    JSON.parse(Testing.synth(new StateBootstrapStack(Testing.app(), { environment: env }))),
  );
}

const BUCKET = ref('aws_s3_bucket', 'state_bucket', 'id');

describe.each(ENVIRONMENT_NAMES)('the %s account bootstrap stack', (name) => {
  const stack = () => bootstrapStack(name);

  it('creates the very bucket the platform stack keeps its state in', () => {
    const bucket = stack().only('aws_s3_bucket');
    expect(bucket.bucket).toBe(stateBackend(stack().environment).bucket);
    expect(bucket.bucket).toBe(platformStack(name).json.terraform.backend.s3.bucket);
    expect(bucket.force_destroy).toBe(false);
    expect(bucket.lifecycle).toEqual({ prevent_destroy: true });
    expect(bucket.tags[GDPR_KEYS.personalData]).toBe('false');
  });

  it('keeps its own state locally, since the bucket does not exist before it', () => {
    expect(stack().json.terraform.backend).toEqual({ local: { path: 'terraform.tfstate' } });
    expect(stack().json.provider.aws[0].region).toBe(stack().environment.region);
  });

  it('versions every state object and expires old versions only after the rollback window', () => {
    expect(stack().only('aws_s3_bucket_versioning')).toEqual({
      bucket: BUCKET,
      versioning_configuration: { status: 'Enabled' },
    });
    const [rule] = stack().only('aws_s3_bucket_lifecycle_configuration').rule;
    expect(rule.noncurrent_version_expiration).toEqual([{ noncurrent_days: NONCURRENT_STATE_VERSION_DAYS }]);
    expect(rule).not.toHaveProperty('expiration');
  });

  it('encrypts with its own rotating customer-managed key, the one the platform backend names', () => {
    expect(stack().only('aws_s3_bucket_server_side_encryption_configuration').rule).toEqual([
      {
        apply_server_side_encryption_by_default: {
          sse_algorithm: 'aws:kms',
          kms_master_key_id: ref('aws_kms_key', 'state_key_key', 'arn'),
        },
        bucket_key_enabled: true,
      },
    ]);
    expect(stack().only('aws_kms_key')).toMatchObject({
      enable_key_rotation: true,
      deletion_window_in_days: KEY_DELETION_WINDOW_DAYS,
    });
    const alias = stack().only('aws_kms_alias').name;
    expect(platformStack(name).json.terraform.backend.s3.kms_key_id).toBe(
      `arn:aws:kms:${stack().environment.region}:${stack().environment.accountId}:${alias}`,
    );
  });

  it('blocks every form of public access and disables ACLs', () => {
    expect(stack().only('aws_s3_bucket_public_access_block')).toEqual({
      bucket: BUCKET,
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(stack().only('aws_s3_bucket_ownership_controls').rule).toEqual({ object_ownership: 'BucketOwnerEnforced' });
  });

  it('refuses any request without TLS, and TLS older than 1.2', () => {
    const policy = stack().only('aws_s3_bucket_policy').policy;
    const resources = [ref('aws_s3_bucket', 'state_bucket', 'arn'), `${ref('aws_s3_bucket', 'state_bucket', 'arn')}/*`];
    expect(statement(policy, 'DenyInsecureTransport')).toMatchObject({
      Effect: 'Deny',
      Action: 's3:*',
      Resource: resources,
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    expect(statement(policy, 'DenyTlsBelow12').Condition).toEqual({ NumericLessThan: { 's3:TlsVersion': '1.2' } });
  });
});
