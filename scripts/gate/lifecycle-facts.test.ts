import { normalizeFile } from './normalize';

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
      '  source: { repoURL: https://charts.external-secrets.io, chart: external-secrets, targetRevision: 0.10.4 }',
    ].join('\n');
    const [app] = normalizeFile('clusters/prod/argocd/Application.external-secrets.yaml', yaml, '2026-12-02');
    expect(app?.facts.lifecycle).toMatchObject({ subject: 'external-secrets', version: '0.10.4', status: 'unknown' });
  });

  it('adds no fact to a cluster whose version is not a literal string', () => {
    const [cluster] = normalizeFile('x/cdk.tf.json', stack({ aws_eks_cluster: { eks: {} } }), '2026-12-02');
    expect(cluster?.facts).not.toHaveProperty('lifecycle');
  });
});
