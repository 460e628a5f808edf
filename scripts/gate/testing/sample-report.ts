/** A small, hand-made gate report for the format tests: no bundle needed to check rendering. */

import type { Catalog, CatalogPolicy } from '../catalog';
import type { Finding, PolicyException } from '../exceptions';
import type { GateReport } from '../run-gate';
import type { Severity } from '../types';

function policy(id: string, severity: Severity, title: string): CatalogPolicy {
  return {
    id,
    title,
    description: `${title}, described.`,
    severity,
    controls: ['GDPR Art. 32(1)(a)', 'AWS FSBP RDS.3'],
    equivalents: ['Checkov CKV_AWS_16'],
    remediation: `Fix it: ${title.toLowerCase()}.`,
    theme: 'sample',
    package: `ecolaura.sample.${id.toLowerCase().replace(/-/g, '_')}`,
    file: `policies/sample/${id.toLowerCase().replace(/-/g, '_')}/policy.rego`,
  };
}

export const SAMPLE_CATALOG: Catalog = new Map(
  [
    policy('ECO-ENC-001', 'critical', 'RDS storage encrypted with a customer-managed key'),
    policy('ECO-GDPR-001', 'high', 'Workloads carry the GDPR labels'),
    policy('ECO-SUS-001', 'low', 'Graviton instance families'),
  ].map((entry) => [entry.id, entry]),
);

export const SAMPLE_EXCEPTION: PolicyException = {
  index: 0,
  policy: 'ECO-SUS-001',
  resource: 'aws_eks_node_group.*',
  environment: 'dev',
  justification: 'x86-only build agent until the <vendor> ships arm64 images',
  owner: 'platform-team',
  expires: '2027-03-31',
};

const base = { title: '', environment: 'prod' as const, waived: false };

export const SAMPLE_FINDINGS: readonly Finding[] = [
  {
    ...base,
    policy: 'ECO-GDPR-001',
    severity: 'high',
    title: 'Workloads carry the GDPR labels',
    resource: 'Deployment/ecolaura/backend',
    file: 'clusters/prod/backend/Deployment.backend.yaml',
    line: 2,
    message: 'Deployment/ecolaura/backend lacks label gdpr.ecolaura.io/personal-data | add it',
  },
  {
    ...base,
    policy: 'ECO-ENC-001',
    severity: 'critical',
    title: 'RDS storage encrypted with a customer-managed key',
    resource: 'aws_db_instance.database',
    file: 'terraform/cdktf.out/stacks/prod/cdk.tf.json',
    line: 120,
    message: 'aws_db_instance.database has storage_encrypted = false; set it to true with kms_key_id',
    path: ['storage_encrypted'],
    origin: {
      form: 'terraform',
      input: 'terraform/cdktf.out/stacks/prod/cdk.tf.json',
      source: { file: 'terraform/database/postgres-database.ts', line: 127, construct: 'prod/database/instance' },
    },
    // One source line, reached by prod's configuration and plan and by dev's configuration.
    occurrences: [
      {
        file: 'terraform/cdktf.out/stacks/prod/cdk.tf.json',
        line: 120,
        resource: 'aws_db_instance.database',
        environment: 'prod',
        form: 'terraform',
        input: 'terraform/cdktf.out/stacks/prod/cdk.tf.json',
      },
      {
        file: 'terraform/cdktf.out/stacks/prod/cdk.tf.json',
        line: 120,
        resource: 'aws_db_instance.database',
        environment: 'prod',
        form: 'terraform-plan',
        input: '.tfcheck/prod/plan.json',
      },
      {
        file: 'terraform/cdktf.out/stacks/dev/cdk.tf.json',
        line: 98,
        resource: 'aws_db_instance.database',
        environment: 'dev',
        form: 'terraform',
        input: 'terraform/cdktf.out/stacks/dev/cdk.tf.json',
      },
    ],
    exception: {
      ...SAMPLE_EXCEPTION,
      index: 1,
      policy: 'ECO-ENC-001',
      resource: 'aws_db_instance.*',
      environment: null,
      expires: '2026-01-01',
      expired: true,
    },
  },
  {
    ...base,
    environment: 'dev',
    policy: 'ECO-SUS-001',
    severity: 'low',
    title: 'Graviton instance families',
    resource: 'aws_eks_node_group.general',
    file: 'terraform/cdktf.out/stacks/dev/cdk.tf.json',
    line: 300,
    message: 'aws_eks_node_group.general uses m5.large; use a Graviton family such as m7g',
    waived: true,
    exception: { ...SAMPLE_EXCEPTION, expired: false },
  },
];

export function sampleReport(findings: readonly Finding[] = SAMPLE_FINDINGS): GateReport {
  return {
    findings,
    stale: [
      {
        ...SAMPLE_EXCEPTION,
        index: 2,
        policy: 'ECO-GDPR-001',
        resource: 'Deployment/old/*',
        environment: null,
        expired: true,
      },
    ],
    files: [
      { file: 'clusters/prod/backend/Deployment.backend.yaml', kind: 'kubernetes', resources: 1 },
      { file: 'terraform/cdktf.out/stacks/dev/cdk.tf.json', kind: 'terraform', resources: 40 },
      { file: 'terraform/cdktf.out/stacks/prod/cdk.tf.json', kind: 'terraform', resources: 41 },
    ],
    skipped: [],
    stalePlans: [],
    resourceCount: 82,
    resources: [],
    catalog: SAMPLE_CATALOG,
    today: '2026-11-25',
    timings: { collect: 0, normalize: 0, load: 0, evaluate: 0 },
  };
}
