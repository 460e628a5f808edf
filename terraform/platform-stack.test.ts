import {
  DATA_PROFILES,
  ENVIRONMENT_NAMES,
  GDPR_KEYS,
  irsaRoleName,
  loadEnvironments,
  stateBackend,
  VERSIONS,
} from '../environments';
import { CONNECTION_DETAILS_PROFILE } from './database/database-connection-secret';
import { MANAGED_BY } from './platform-stack';
import { platformStack, ref } from './testing/synthesized-stack';

/** Resource types that store data and so carry the GDPR tags (DESIGN.md). */
const DATA_STORES = ['aws_db_instance', 'aws_cloudwatch_log_group', 'aws_backup_vault', 'aws_secretsmanager_secret'];

describe.each(ENVIRONMENT_NAMES)('the %s platform stack', (name) => {
  const stack = () => platformStack(name);
  const env = () => stack().environment;

  it('pins the AWS provider to the version the mirror carries', () => {
    expect(stack().json.terraform.required_providers.aws.version).toBe(VERSIONS.awsProvider);
    expect(stack().json.terraform.required_version).toBe(VERSIONS.terraform);
  });

  it('configures the provider for the environment region and for an offline plan', () => {
    const [provider] = stack().json.provider.aws;
    expect(provider.region).toBe(env().region);
    expect(provider.skip_credentials_validation).toBe(true);
    expect(provider.skip_requesting_account_id).toBe(true);
    expect(provider.skip_metadata_api_check).toBe('true');
  });

  it('tags every resource with project, environment, managed-by and owner', () => {
    const [provider] = stack().json.provider.aws;
    expect(provider.default_tags).toEqual([
      { tags: { project: 'ecolaura', environment: name, 'managed-by': MANAGED_BY, owner: env().owner } },
    ]);
  });

  it('keeps state in the bootstrap bucket, encrypted with its state key and with a native lock file', () => {
    // Counter-example: `encrypt: true` without kms_key_id, which wrote each state object as SSE-S3.
    expect(stack().json.terraform.backend.s3).toEqual({
      ...stateBackend(env()),
      region: env().region,
      encrypt: true,
      kms_key_id: `arn:aws:kms:${env().region}:${env().accountId}:alias/ecolaura-${name}-terraform-state`,
      use_lockfile: true,
    });
  });

  it('declares no data sources, so the plan never reads from AWS', () => {
    expect(stack().json.data).toBeUndefined();
  });

  it('contains no literal password anywhere', () => {
    const text = JSON.stringify(stack().json);
    expect(text).not.toMatch(/"(master_)?password"\s*:/);
    expect(text).not.toMatch(/"password_wo"/);
    expect(stack().only('aws_db_instance').manage_master_user_password).toBe(true);
  });

  it('gives every resource a readable address without hash suffixes', () => {
    for (const resources of Object.values(stack().json.resource) as Record<string, unknown>[]) {
      for (const address of Object.keys(resources)) expect(address).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });

  it('tags every data store with the GDPR keys of its profile', () => {
    for (const type of DATA_STORES) {
      const resources = Object.entries(stack().resources(type));
      expect(resources.length).toBeGreaterThan(0);
      for (const [address, resource] of resources) {
        const tags = resource.tags ?? {};
        expect([address, tags[GDPR_KEYS.personalData]]).toEqual([address, expect.stringMatching(/^(true|false)$/)]);
        expect(tags[GDPR_KEYS.classification]).toBeDefined();
        if (tags[GDPR_KEYS.personalData] === 'true') {
          expect(tags[GDPR_KEYS.retentionDays]).toMatch(/^\d+$/);
          expect(tags[GDPR_KEYS.lawfulBasis]).toBeDefined();
        }
      }
    }
  });

  it('tags the database as customer data and the connection secret as restricted without personal data', () => {
    const db = stack().only('aws_db_instance').tags;
    expect(db[GDPR_KEYS.personalData]).toBe('true');
    expect(db[GDPR_KEYS.classification]).toBe(DATA_PROFILES.customerData.classification);
    expect(db[GDPR_KEYS.retentionDays]).toBe(String(DATA_PROFILES.customerData.retentionDays));
    expect(db[GDPR_KEYS.lawfulBasis]).toBe(DATA_PROFILES.customerData.lawfulBasis);
    const secret = stack().only('aws_secretsmanager_secret').tags;
    expect(secret[GDPR_KEYS.personalData]).toBe('false');
    expect(secret[GDPR_KEYS.classification]).toBe(CONNECTION_DETAILS_PROFILE.classification);
  });

  it('keeps no log group longer than its GDPR retention label and encrypts every one', () => {
    for (const group of Object.values(stack().resources('aws_cloudwatch_log_group'))) {
      expect(group.kms_key_id).toBe(ref('aws_kms_key', 'keys_logs_key', 'arn'));
      expect(group.retention_in_days).toBeGreaterThan(0);
      // Groups without personal data (RDS OS metrics) carry no retention label to respect.
      if (group.tags[GDPR_KEYS.personalData] === 'false') continue;
      expect(group.retention_in_days).toBeLessThanOrEqual(Number(group.tags[GDPR_KEYS.retentionDays]));
    }
  });

  it('outputs the cluster, its OIDC issuer, the role ARNs, the database endpoint and its secrets', () => {
    expect(Object.keys(stack().json.output).sort()).toEqual([
      'bastion_instance_id',
      'cluster_endpoint',
      'cluster_name',
      'cluster_oidc_issuer',
      'cluster_role_arn',
      'database_connection_secret_arn',
      'database_endpoint',
      'database_master_secret_arn',
      'irsa_backend_role_arn',
      'irsa_cluster_autoscaler_role_arn',
      'irsa_ebs_csi_role_arn',
      'irsa_external_secrets_role_arn',
      'irsa_load_balancer_controller_role_arn',
      'node_role_arn',
    ]);
    expect(stack().json.output.irsa_backend_role_arn.value).toBe(ref('aws_iam_role', 'irsa_backend', 'arn'));
    expect(stack().resources('aws_iam_role').irsa_backend.name).toBe(irsaRoleName(name, 'backend'));
  });
});

it('synthesizes a stack for every declared environment', () => {
  expect(loadEnvironments().map((env) => env.name)).toEqual([...ENVIRONMENT_NAMES]);
});
