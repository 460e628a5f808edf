import { normalizeFile } from './normalize';

/** A trimmed `terraform show -json` plan: one root resource, one in a child module, one data source. */
const PLAN = {
  format_version: '1.2',
  terraform_version: '1.10.5',
  planned_values: {
    root_module: {
      resources: [
        {
          address: 'aws_db_instance.database',
          mode: 'managed',
          type: 'aws_db_instance',
          name: 'database',
          provider_name: 'registry.terraform.io/hashicorp/aws',
          values: {
            storage_encrypted: true,
            tags: { 'gdpr.ecolaura.io/personal-data': 'true' },
            tags_all: { 'gdpr.ecolaura.io/personal-data': 'true', environment: 'staging', owner: 'platform-team' },
          },
        },
        { address: 'data.aws_region.current', mode: 'data', type: 'aws_region', name: 'current', values: {} },
      ],
      child_modules: [
        {
          address: 'module.logs',
          resources: [
            {
              address: 'module.logs.aws_cloudwatch_log_group.app[0]',
              mode: 'managed',
              type: 'aws_cloudwatch_log_group',
              name: 'app',
              index: 0,
              values: { retention_in_days: 90, tags: { team: 'logs' } },
            },
          ],
        },
      ],
    },
  },
  configuration: {
    provider_config: {
      aws: {
        name: 'aws',
        full_name: 'registry.terraform.io/hashicorp/aws',
        expressions: {
          region: { constant_value: 'eu-central-1' },
          default_tags: [{ tags: { constant_value: { environment: 'staging', owner: 'platform-team' } } }],
        },
      },
    },
    root_module: {
      resources: [
        {
          address: 'aws_db_instance.database',
          mode: 'managed',
          type: 'aws_db_instance',
          name: 'database',
          provider_config_key: 'aws',
          expressions: {
            kms_key_id: { references: ['aws_kms_key.database.arn', 'aws_kms_key.database'] },
            parameter_group_name: {
              references: ['aws_db_parameter_group.postgres.name', 'aws_db_parameter_group.postgres'],
            },
            db_name: { references: ['var.database_name'] },
          },
        },
      ],
      module_calls: {
        logs: {
          source: './logs',
          module: {
            resources: [
              {
                address: 'aws_cloudwatch_log_group.app',
                mode: 'managed',
                type: 'aws_cloudwatch_log_group',
                name: 'app',
                provider_config_key: 'aws',
                expressions: { kms_key_id: { references: ['aws_kms_key.logs[0].arn', 'aws_kms_key.logs'] } },
              },
            ],
          },
        },
      },
    },
  },
};

const FILE = '.tfcheck/staging/plan.json';

describe('normalizeFile on Terraform plan JSON', () => {
  const text = JSON.stringify(PLAN, null, 2);
  const resources = normalizeFile(FILE, text);
  const [database, logGroup] = resources;

  it('yields the managed resources of the root and child modules, not data sources', () => {
    expect(resources.map((r) => r.address)).toEqual([
      'aws_db_instance.database',
      'module.logs.aws_cloudwatch_log_group.app[0]',
    ]);
    expect(resources.every((r) => r.source === 'terraform-plan')).toBe(true);
  });

  it('uses tags_all when the plan knows it', () => {
    expect(database?.tags).toEqual({
      environment: 'staging',
      'gdpr.ecolaura.io/personal-data': 'true',
      owner: 'platform-team',
    });
  });

  it('merges the provider default_tags under tags when tags_all is unknown', () => {
    expect(logGroup?.tags).toEqual({ environment: 'staging', owner: 'platform-team', team: 'logs' });
  });

  it('takes the region from the provider configuration and the environment from the folder', () => {
    expect(database).toMatchObject({ region: 'eu-central-1', environment: 'staging', group: FILE, name: 'database' });
  });

  it('collects references from expressions, module-prefixed and index-free, without variables', () => {
    expect(database?.references).toEqual(['aws_db_parameter_group.postgres', 'aws_kms_key.database']);
    expect(logGroup?.references).toEqual(['module.logs.aws_kms_key.logs']);
  });

  it('keys references by the attribute whose expression holds them', () => {
    expect(database?.attributeReferences).toEqual({
      kms_key_id: ['aws_kms_key.database'],
      parameter_group_name: ['aws_db_parameter_group.postgres'],
    });
    expect(logGroup?.attributeReferences).toEqual({ kms_key_id: ['module.logs.aws_kms_key.logs'] });
  });

  it('points each resource at the line its planned_values entry starts on', () => {
    const lines = text.split('\n');
    expect(lines[(database?.line ?? 0) - 1]).toMatch(/^\s*\{$/);
    expect(lines[database?.line ?? 0]).toContain('"address": "aws_db_instance.database"');
    expect(lines[logGroup?.line ?? 0]).toContain('"address": "module.logs.aws_cloudwatch_log_group.app[0]"');
  });

  it('reports line 1 for the single-line JSON terraform show writes', () => {
    expect(normalizeFile(FILE, JSON.stringify(PLAN)).map((r) => r.line)).toEqual([1, 1]);
  });
});
