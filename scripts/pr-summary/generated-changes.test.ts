import { rmSync } from 'node:fs';
import { SummaryInputError } from './errors';
import { collectGeneratedChanges, isUnchanged } from './generated-changes';
import { resolveBase } from './git';
import { commitAll, tempGitRepo, writeFiles } from './testing/temp-git-repo';

const PROD_STACK = 'terraform/cdktf.out/stacks/prod/cdk.tf.json';
const DEV_STACK = 'terraform/cdktf.out/stacks/dev/cdk.tf.json';

function stack(resources: Record<string, Record<string, unknown>>): string {
  return `${JSON.stringify({ resource: resources }, null, 2)}\n`;
}

const manifest = (kind: string, name: string) => `apiVersion: v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n`;

describe('collectGeneratedChanges', () => {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });

  function repository(): string {
    const root = tempGitRepo();
    roots.push(root);
    writeFiles(root, {
      [PROD_STACK]: stack({
        aws_db_instance: { database: { instance_class: 'db.t4g.small' } },
        aws_sqs_queue: { jobs: { name: 'jobs' } },
      }),
      [DEV_STACK]: stack({ aws_vpc: { main: { cidr_block: '10.1.0.0/16' } } }),
      'clusters/prod/backend/Deployment.backend.yaml': manifest('Deployment', 'backend'),
      'clusters/prod/backend/Service.backend.yaml': manifest('Service', 'backend'),
      'clusters/README.md': '# clusters\n',
      'apps/backend.ts': '// source, not generated output\n',
    });
    commitAll(root, 'base');
    return root;
  }

  it('lists the Terraform resources added, removed and changed in an environment by address', () => {
    const root = repository();
    writeFiles(root, {
      [PROD_STACK]: stack({
        aws_db_instance: { database: { instance_class: 'db.r7g.large' } },
        aws_s3_bucket: { audit: { bucket: 'audit' } },
      }),
    });

    const changes = collectGeneratedChanges(root, resolveBase(root, 'HEAD'));

    const prod = changes.environments.find((env) => env.environment === 'prod');
    expect(prod?.stack).toEqual({
      file: PROD_STACK,
      status: 'modified',
      diff: {
        added: ['aws_s3_bucket.audit'],
        removed: ['aws_sqs_queue.jobs'],
        changed: [{ address: 'aws_db_instance.database', attributes: ['instance_class'] }],
        blocks: [],
      },
    });
    expect(changes.fileCount).toBe(1);
  });

  it('names Kubernetes objects by app and file (Kind.name), counting an untracked new manifest as added', () => {
    const root = repository();
    writeFiles(root, {
      'clusters/prod/backend/Service.backend.yaml': null,
      'clusters/prod/backend/Deployment.backend.yaml': `${manifest('Deployment', 'backend')}spec: {}\n`,
      'clusters/prod/frontend/Deployment.frontend.yaml': manifest('Deployment', 'frontend'),
    });
    commitAll(root, 'the pull request');
    writeFiles(root, { 'clusters/prod/frontend/Service.frontend.yaml': manifest('Service', 'frontend') });

    const changes = collectGeneratedChanges(root, resolveBase(root, 'HEAD~1'));

    const prod = changes.environments.find((env) => env.environment === 'prod');
    expect(prod?.objects).toEqual({
      added: ['frontend/Deployment.frontend', 'frontend/Service.frontend'],
      removed: ['backend/Service.backend'],
      changed: ['backend/Deployment.backend'],
    });
    expect(prod?.stack).toBeNull();
  });

  it('reads a deleted stack from the base, every resource removed, and keeps unchanged environments listed', () => {
    const root = repository();
    writeFiles(root, { [DEV_STACK]: null, 'clusters/README.md': '# clusters, reworded\n' });

    const changes = collectGeneratedChanges(root, resolveBase(root, 'HEAD'));

    expect(changes.environments.map((env) => env.environment)).toEqual(['dev', 'staging', 'prod']);
    const [dev, staging] = changes.environments;
    expect(dev?.stack?.status).toBe('deleted');
    expect(dev?.stack?.diff.removed).toEqual(['aws_vpc.main']);
    expect(staging && isUnchanged(staging)).toBe(true);
    expect(changes.otherFiles).toEqual([{ status: 'modified', file: 'clusters/README.md' }]);
  });

  it('ignores source files: only terraform/cdktf.out and clusters are generated output', () => {
    const root = repository();
    writeFiles(root, { 'apps/backend.ts': '// changed source\n' });
    expect(collectGeneratedChanges(root, resolveBase(root, 'HEAD')).fileCount).toBe(0);
  });

  it('refuses a working-tree stack that is not JSON, naming the file', () => {
    const root = repository();
    writeFiles(root, { [PROD_STACK]: '{ "resource": ' });
    expect(() => collectGeneratedChanges(root, resolveBase(root, 'HEAD'))).toThrow(
      new RegExp(`^${PROD_STACK.replace(/\./g, '\\.')}: not valid JSON`),
    );
  });
});

describe('resolveBase', () => {
  it('refuses a ref that names no commit, saying which and how to fetch it', () => {
    const root = tempGitRepo();
    commitAll(root, 'only commit');
    expect(() => resolveBase(root, 'origin/main')).toThrow(SummaryInputError);
    expect(() => resolveBase(root, 'origin/main')).toThrow(/--base "origin\/main" names no commit .*git fetch/);
    expect(() => resolveBase(root, '--output=x')).toThrow(/is not a Git ref/);
    rmSync(root, { recursive: true, force: true });
  });
});
