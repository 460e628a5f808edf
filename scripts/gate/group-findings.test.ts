import type { Finding } from './exceptions';
import { groupFindings } from './group-findings';
import type { SourceKind } from './types';

const SOURCE = { file: 'terraform/database/postgres-database.ts', line: 127, construct: 'x/database/instance' };

function finding(environment: 'dev' | 'prod', form: SourceKind, overrides: Partial<Finding> = {}): Finding {
  const file = `terraform/cdktf.out/stacks/${environment}/cdk.tf.json`;
  return {
    policy: 'ECO-ENC-001',
    severity: 'critical',
    title: 'RDS storage',
    resource: 'aws_db_instance.database_instance',
    file,
    line: environment === 'prod' ? 582 : 432,
    environment,
    message: 'aws_db_instance.database_instance: storage_encrypted is false',
    waived: false,
    origin: { form, input: form === 'terraform-plan' ? `.tfcheck/${environment}/plan.json` : file, source: SOURCE },
    ...overrides,
  };
}

describe('groupFindings', () => {
  it('reports one source line once, listing every environment and form it reaches', () => {
    const grouped = groupFindings([
      finding('dev', 'terraform'),
      finding('prod', 'terraform'),
      finding('prod', 'terraform-plan'),
    ]);
    expect(grouped).toHaveLength(1);
    expect(grouped[0]?.occurrences?.map((o) => `${o.environment} ${o.form} ${o.input} ${o.file}:${o.line}`)).toEqual([
      'dev terraform terraform/cdktf.out/stacks/dev/cdk.tf.json terraform/cdktf.out/stacks/dev/cdk.tf.json:432',
      'prod terraform terraform/cdktf.out/stacks/prod/cdk.tf.json terraform/cdktf.out/stacks/prod/cdk.tf.json:582',
      'prod terraform-plan .tfcheck/prod/plan.json terraform/cdktf.out/stacks/prod/cdk.tf.json:582',
    ]);
  });

  it('keeps apart other policies, other resources, other source lines and findings a waiver treats differently', () => {
    const exception = {
      index: 0,
      policy: 'ECO-ENC-001',
      resource: 'aws_db_instance.*',
      environment: 'dev' as const,
      justification: 'migrating',
      owner: 'platform-team',
      expires: '2027-01-01',
      expired: false,
    };
    const grouped = groupFindings([
      finding('dev', 'terraform', { waived: true, exception }),
      finding('prod', 'terraform'),
      finding('prod', 'terraform', { policy: 'ECO-SUP-001' }),
      finding('prod', 'terraform', { resource: 'aws_db_instance.replica' }),
      finding('prod', 'terraform', { origin: { form: 'terraform', input: 'x', source: { ...SOURCE, line: 128 } } }),
    ]);
    expect(grouped.map((g) => g.occurrences?.length)).toEqual([1, 1, 1, 1, 1]);
  });

  it('groups findings no source map covers only with their twin at the same generated place', () => {
    const uncovered = (environment: 'dev' | 'prod', form: SourceKind) =>
      finding(environment, form, { origin: { form, input: 'in', source: null } });
    const grouped = groupFindings([
      uncovered('dev', 'terraform'),
      uncovered('prod', 'terraform'),
      uncovered('prod', 'terraform-plan'),
    ]);
    expect(grouped.map((g) => g.occurrences?.map((o) => o.form))).toEqual([
      ['terraform'],
      ['terraform', 'terraform-plan'],
    ]);
  });
});
