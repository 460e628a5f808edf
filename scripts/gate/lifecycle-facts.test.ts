import { join } from 'node:path';
import { normalizeFile } from './normalize';
import { exitCodeOf, runGate, supportWarnings } from './run-gate';
import { REPO_ROOT } from './testing/synthesized-copy';

const stack = (resource: Record<string, unknown>) =>
  JSON.stringify({ provider: { aws: [{ region: 'eu-west-1' }] }, resource });

describe('facts.lifecycle', () => {
  it('judges an EKS cluster version on the given day', () => {
    const [cluster] = normalizeFile(
      'terraform/cdktf.out/stacks/prod/cdk.tf.json',
      stack({ aws_eks_cluster: { eks: { version: '1.28' } } }),
      '2026-12-02',
    );
    expect(cluster?.facts.lifecycle).toMatchObject({ subject: 'eks', status: 'ended', end: '2024-11-26' });
  });

  it('judges a PostgreSQL instance by its major and leaves other engines alone', () => {
    const resources = normalizeFile(
      'x/cdk.tf.json',
      stack({
        aws_db_instance: {
          pg: { engine: 'postgres', engine_version: '13.20' },
          my: { engine: 'mysql', engine_version: '8.0' },
        },
      }),
      '2026-12-02',
    );
    expect(resources.find((r) => r.name === 'pg')?.facts.lifecycle).toMatchObject({
      status: 'ended',
      end: '2026-02-28',
    });
    expect(resources.find((r) => r.name === 'my')?.facts).toEqual({});
  });

  it('judges the Helm chart an Argo CD Application installs', () => {
    const yaml = [
      'apiVersion: argoproj.io/v1alpha1',
      'kind: Application',
      'metadata: { name: external-secrets, namespace: argocd }',
      'spec:',
      '  source: { repoURL: https://charts.external-secrets.io, chart: external-secrets, targetRevision: 2.10.0 }',
    ].join('\n');
    const [app] = normalizeFile('clusters/prod/argocd/Application.external-secrets.yaml', yaml, '2026-12-02');
    expect(app?.facts.lifecycle).toMatchObject({ subject: 'external-secrets', version: '2.10.0', status: 'unknown' });
  });

  it('adds no fact to a cluster whose version is not a literal string', () => {
    const [cluster] = normalizeFile('x/cdk.tf.json', stack({ aws_eks_cluster: { eks: {} } }), '2026-12-02');
    expect(cluster?.facts).not.toHaveProperty('lifecycle');
  });
});

describe('the gate judges the committed prod stack on its --today', () => {
  const BUNDLE = join(REPO_ROOT, 'policies', 'bundle');
  const EXCEPTIONS = join(REPO_ROOT, 'policies', 'exceptions.yaml');
  const PROD = 'terraform/cdktf.out/stacks/prod/cdk.tf.json';
  const gateOn = (today: string) =>
    runGate({ paths: [PROD], root: REPO_ROOT, bundleDir: BUNDLE, exceptionsFile: EXCEPTIONS, today });

  it('passes today, with only a warning line 26 days before EKS 1.35 leaves standard support', async () => {
    expect(exitCodeOf(await gateOn(new Date().toISOString().slice(0, 10)))).toBe(0);
    const ending = await gateOn('2027-03-01');
    expect(exitCodeOf(ending)).toBe(0);
    expect(supportWarnings(ending.resources)).toEqual([
      `warning: ${PROD}: aws_eks_cluster.eks_cluster: eks 1.35 leaves support on 2027-03-27 (26 days left)`,
    ]);
  });

  it('fails with ECO-SUP-020 on the day EKS 1.35 standard support ends', async () => {
    const report = await gateOn('2027-03-27');
    expect(report.findings.map((f) => [f.policy, f.resource])).toEqual([
      ['ECO-SUP-020', 'aws_eks_cluster.eks_cluster'],
    ]);
  });
});
