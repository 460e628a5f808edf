import { GateInputError } from '../core/errors';
import { normalizeFile } from './normalize';

const CONFIG = `{
  "//": { "metadata": { "backend": "s3", "stackName": "prod" } },
  "provider": {
    "aws": [
      {
        "region": "eu-west-1",
        "default_tags": [{ "tags": { "environment": "prod", "owner": "platform-team", "gdpr.ecolaura.io/personal-data": "false" } }]
      },
      { "alias": "us", "region": "us-east-1" }
    ]
  },
  "data": { "aws_caller_identity": { "current": {} } },
  "resource": {
    "aws_db_instance": {
      "database": {
        "//": { "metadata": { "path": "prod/database/instance", "uniqueId": "database" } },
        "storage_encrypted": true,
        "kms_key_id": "\${aws_kms_key.database.arn}",
        "parameter_group_name": "\${aws_db_parameter_group.postgres.name}",
        "tags": { "gdpr.ecolaura.io/personal-data": "true", "retention": 3650 },
        "depends_on": ["aws_iam_role.monitoring"]
      }
    },
    "aws_s3_bucket": {
      "edge_logs": {
        "provider": "aws.us",
        "bucket": "edge-\${data.aws_caller_identity.current.account_id}-\${var.suffix}",
        "policy": "\${jsonencode({\\"Resource\\" = \\"arn:aws:s3:::x.y\\", \\"Principal\\" = aws_iam_role.reader.arn})}"
      }
    }
  }
}
`;

const FILE = 'terraform/cdktf.out/stacks/prod/cdk.tf.json';

describe('normalizeFile on Terraform configuration JSON', () => {
  const [database, bucket] = normalizeFile(FILE, CONFIG);

  it('yields one resource per resource block and none for data sources', () => {
    expect(normalizeFile(FILE, CONFIG).map((r) => r.address)).toEqual([
      'aws_db_instance.database',
      'aws_s3_bucket.edge_logs',
    ]);
  });

  it('records the line of the resource name key, the file as group and the environment folder', () => {
    expect(database).toMatchObject({ source: 'terraform', file: FILE, line: 15, group: FILE, environment: 'prod' });
    expect(bucket?.line).toBe(25);
  });

  it('merges provider default_tags under the resource tags, the resource winning, values as strings', () => {
    expect(database?.tags).toEqual({
      environment: 'prod',
      'gdpr.ecolaura.io/personal-data': 'true',
      owner: 'platform-team',
      retention: '3650',
    });
  });

  it('takes region and default tags from the aliased provider a resource names', () => {
    expect(database?.region).toBe('eu-west-1');
    expect(bucket?.region).toBe('us-east-1');
    expect(bucket?.tags).toEqual({});
  });

  it('drops the cdktf // metadata from values and keeps every attribute', () => {
    expect(database?.values).not.toHaveProperty('//');
    // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
    expect(database?.values).toMatchObject({ storage_encrypted: true, kms_key_id: '${aws_kms_key.database.arn}' });
  });

  it('lists referenced resource addresses from interpolations and depends_on, ignoring variables and quoted text', () => {
    expect(database?.references).toEqual([
      'aws_db_parameter_group.postgres',
      'aws_iam_role.monitoring',
      'aws_kms_key.database',
    ]);
    expect(bucket?.references).toEqual(['aws_iam_role.reader', 'data.aws_caller_identity.current']);
  });

  it('falls back to the provider default tag "environment" outside an environment folder', () => {
    const [resource] = normalizeFile('elsewhere/main.tf.json', CONFIG);
    expect(resource?.environment).toBe('prod');
  });

  it('refuses a resource body that is not an object, naming its line', () => {
    const broken = '{\n  "resource": {\n    "aws_s3_bucket": {\n      "logs": 3\n    }\n  }\n}\n';
    expect(() => normalizeFile(FILE, broken)).toThrow(
      new GateInputError(FILE, 4, 'resource.aws_s3_bucket.logs must be an object'),
    );
  });

  it('refuses malformed JSON with the line of the error', () => {
    expect(() => normalizeFile(FILE, '{\n  "resource": {,\n}')).toThrow(/cdk\.tf\.json:2: cannot parse/);
  });
});
