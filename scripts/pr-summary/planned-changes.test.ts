import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshSynthInto } from '../lib/testing/fresh-synth';
import { formatSummaryJson } from './format-json';
import { formatSummaryMarkdown } from './format-markdown';
import { collectGeneratedChanges } from './generated-changes';
import { resolveBase } from './git';
import { planChangedStacks } from './planned-changes';
import { sampleSummary } from './testing/sample-summary';
import { commitAll, git, tempGitRepo } from './testing/temp-git-repo';
import { judge } from './verdict';

const PROD_STACK = 'terraform/cdktf.out/stacks/prod/cdk.tf.json';

type Stack = { resource: Record<string, Record<string, Record<string, unknown>>> };

function editStack(root: string, edit: (stack: Stack) => void): void {
  const file = join(root, PROD_STACK);
  const stack = JSON.parse(readFileSync(file, 'utf8')) as Stack;
  edit(stack);
  writeFileSync(file, `${JSON.stringify(stack, null, 2)}\n`);
}

// One branch, three changes to prod, planned by the real AWS provider against the base's state.
describe('a branch that renames, resizes and shrinks prod, planned against its base', () => {
  let root: string;
  let markdown: string;
  let json: {
    environments: {
      stack: string;
      actions: {
        address: string;
        action: string;
        forcedBy: string[];
        changes: { path: string; before: string; after: string }[];
      }[];
    }[];
  };

  beforeAll(async () => {
    root = tempGitRepo('pr-summary-plan-');
    await freshSynthInto(root);
    commitAll(root, 'synthesized output');
    git(root, ['branch', '-M', 'main']);
    git(root, ['checkout', '-q', '-b', 'change']);
    editStack(root, (stack) => {
      const database = stack.resource.aws_db_instance?.database_instance as Record<string, unknown>;
      database.identifier = 'ecolaura-prod-postgres-2';
      database.instance_class = 'db.r7g.xlarge';
      delete stack.resource.aws_eks_node_group;
    });
    commitAll(root, 'prod: rename and resize the database, drop the node group');
    const changes = collectGeneratedChanges(root, resolveBase(root, 'main'));
    const planned = await planChangedStacks(root, changes, () => undefined);
    const summary = sampleSummary({ changes, planned });
    markdown = formatSummaryMarkdown(summary);
    json = JSON.parse(formatSummaryJson(summary));
  }, 600_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists the database as replaced, forced by its identifier', () => {
    const prod = json.environments.find((env) => env.stack === 'prod');
    const database = prod?.actions.find((a) => a.address === 'aws_db_instance.database_instance');
    expect(database?.action).toBe('replace');
    expect(database?.forcedBy).toEqual(['identifier']);
    expect(markdown).toContain('- `aws_db_instance.database_instance` — forced by `identifier`');
  });

  it('shows the instance class old → new', () => {
    const prod = json.environments.find((env) => env.stack === 'prod');
    const database = prod?.actions.find((a) => a.address === 'aws_db_instance.database_instance');
    expect(database?.changes).toContainEqual({
      path: 'instance_class',
      before: '"db.r7g.large"',
      after: '"db.r7g.xlarge"',
    });
    expect(markdown).toContain('  - `instance_class`: `"db.r7g.large"` → `"db.r7g.xlarge"`');
  });

  it('lists the removed node group as deleted', () => {
    const prod = json.environments.find((env) => env.stack === 'prod');
    expect(prod?.actions).toContainEqual(
      expect.objectContaining({ address: 'aws_eks_node_group.eks_nodes_general_node_group', action: 'delete' }),
    );
  });

  it('blocks on the unacknowledged replacement of the database and says which trailer clears it', () => {
    expect(markdown).toContain('❌ **prod** replace `aws_db_instance.database_instance`');
    expect(markdown).toContain('Acknowledge-destroy: prod aws_db_instance.database_instance');
    expect(markdown).toMatch(/^## ❌ Needs attention: .*1 unacknowledged destructive change to data/);
  });

  it('takes a commit trailer as the acknowledgement, from the cache the second time', async () => {
    git(root, [
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'ack\n\nAcknowledge-destroy: prod aws_db_instance.database_instance',
    ]);
    const changes = collectGeneratedChanges(root, resolveBase(root, 'main'));
    const planned = await planChangedStacks(root, changes, () => undefined);
    expect(planned[0]?.cached).toBe(true);
    expect(planned[0]?.destructive).toEqual([expect.objectContaining({ acknowledged: true })]);
  });
});
