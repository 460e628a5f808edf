import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { S3Bucket } from '@cdktf/provider-aws/lib/s3-bucket';
import { S3BucketLifecycleConfiguration } from '@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration';
import { S3BucketOwnershipControls } from '@cdktf/provider-aws/lib/s3-bucket-ownership-controls';
import { S3BucketPolicy } from '@cdktf/provider-aws/lib/s3-bucket-policy';
import { S3BucketPublicAccessBlock } from '@cdktf/provider-aws/lib/s3-bucket-public-access-block';
import { S3BucketServerSideEncryptionConfigurationA } from '@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration';
import { S3BucketVersioningA } from '@cdktf/provider-aws/lib/s3-bucket-versioning';
import { LocalBackend, TerraformOutput } from 'cdktf';
import type { Construct } from 'constructs';
import {
  bootstrapStackName,
  type DataProfile,
  type Environment,
  stateBackend,
  stateKmsKeyAlias,
  VERSIONS,
} from '../../environments';
import { KmsKey } from '../keys/kms-key';
import { GeneratedStack } from '../lib/generated-stack';
import { policyDocument } from '../lib/iam-policy';
import { dataTags } from '../lib/tags';
import { awsProviderConfig } from '../platform-stack';

export interface StateBootstrapStackProps {
  /** The validated environment whose account the state bucket serves. */
  readonly environment: Environment;
}

/**
 * Terraform state holds infrastructure identifiers and configuration, no customer data; it
 * is confidential all the same (it maps the whole platform).
 */
export const STATE_PROFILE: DataProfile = { personalData: false, classification: 'confidential' };

/** Days an overwritten state version is kept: enough to roll back a bad apply found late. */
export const NONCURRENT_STATE_VERSION_DAYS = 90;

/**
 * The per-account bootstrap stack: the S3 bucket the platform stack keeps its state in
 * (`stateBackend()`), created once before anything else. Versioned (every apply can be rolled
 * back), SSE-KMS under its own rotating key, no public access, TLS-only, bucket-owner objects.
 * The platform stack locks with S3's native lock file (`use_lockfile`), so no DynamoDB table.
 *
 * Its own state stays local: the bucket cannot hold the state of the stack that creates it
 * before it exists. terraform/README.md says how to apply it once and, optionally, move its
 * state into the bucket afterwards.
 */
export class StateBootstrapStack extends GeneratedStack {
  readonly bucket: S3Bucket;
  readonly key: KmsKey;

  constructor(scope: Construct, props: StateBootstrapStackProps) {
    const env = props.environment;
    super(scope, bootstrapStackName(env.name));
    new AwsProvider(this, 'aws', awsProviderConfig(env, env.region));
    new LocalBackend(this, { path: 'terraform.tfstate' });
    this.addOverride('terraform.required_version', VERSIONS.terraform);

    const { bucket: bucketName } = stateBackend(env);
    this.key = new KmsKey(this, 'state-key', {
      environment: env,
      purpose: 'terraform-state',
      description: `Terraform state in s3://${bucketName}`,
      aliasName: stateKmsKeyAlias(env.name),
    });
    this.bucket = new S3Bucket(this, 'state-bucket', {
      bucket: bucketName,
      // The state of every environment resource lives here: never deleted with its objects.
      forceDestroy: false,
      lifecycle: { preventDestroy: true },
      tags: dataTags(STATE_PROFILE),
    });
    const bucket = this.bucket.id;
    new S3BucketVersioningA(this, 'state-versioning', {
      bucket,
      versioningConfiguration: { status: 'Enabled' },
    });
    new S3BucketServerSideEncryptionConfigurationA(this, 'state-encryption', {
      bucket,
      rule: [
        {
          applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:kms', kmsMasterKeyId: this.key.arn },
          // One data key per bucket instead of a KMS call per object.
          bucketKeyEnabled: true,
        },
      ],
    });
    new S3BucketPublicAccessBlock(this, 'state-public-access', {
      bucket,
      blockPublicAcls: true,
      blockPublicPolicy: true,
      ignorePublicAcls: true,
      restrictPublicBuckets: true,
    });
    // ACLs off: every object belongs to the bucket owner, access is decided by policy alone.
    new S3BucketOwnershipControls(this, 'state-ownership', {
      bucket,
      rule: { objectOwnership: 'BucketOwnerEnforced' },
    });
    new S3BucketLifecycleConfiguration(this, 'state-lifecycle', {
      bucket,
      rule: [
        {
          id: 'expire-old-state-versions',
          status: 'Enabled',
          filter: [{ prefix: '' }],
          noncurrentVersionExpiration: [{ noncurrentDays: NONCURRENT_STATE_VERSION_DAYS }],
          abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        },
      ],
    });
    new S3BucketPolicy(this, 'state-policy', {
      bucket,
      policy: policyDocument([
        {
          // https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html
          Sid: 'DenyInsecureTransport',
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 's3:*',
          Resource: [this.bucket.arn, `${this.bucket.arn}/*`],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
        {
          Sid: 'DenyTlsBelow12',
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 's3:*',
          Resource: [this.bucket.arn, `${this.bucket.arn}/*`],
          Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } },
        },
      ]),
    });

    new TerraformOutput(this, 'state_bucket_name', {
      value: this.bucket.bucket,
      description: 'Terraform state bucket',
    });
    new TerraformOutput(this, 'state_kms_key_arn', { value: this.key.arn, description: 'KMS key of the state' });
  }
}
