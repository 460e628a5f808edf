import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshSynthInto } from '../lib/testing/fresh-synth';
import { formatSummaryJson } from './format-json';
import { formatSummaryMarkdown } from './format-markdown';
import { collectGeneratedChanges } from './generated-changes';
import { resolveBase } from './git';
import { planChangedStacks } from './planned-changes';
import { sampleSummary } from './testing/sample-summary';
import { commitAll, git, tempGitRepo } from './testing/temp-git-repo';

// Shared by runs: the base is a fresh synth of these sources, so its settled state stays valid
// until they change (the cache is keyed by the stacks' sha256).
const CACHE = join(tmpdir(), 'ecolaura-pr-summary-test-cache');
const log = (line: string) => process.stderr.write(`${line}\n`);

const PROD_STACK = 'terraform/cdktf.out/stacks/prod/cdk.tf.json';

type Stack = { resource: Record<string, Record<string, Record<string, unknown>>> };

function editStack(root: string, edit: (stack: Stack) => void): void {
  const file = join(root, PROD_STACK);
  const stack = JSON.parse(readFileSync(file, 'utf8')) as Stack;
  edit(stack);
  writeFileSync(file, `${JSON.stringify(stack, null, 2)}\n`);
}

type Json = {
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

/** Commits `edit` of prod's stack on a new branch off main and summarizes it against main. */
async function summarizeBranch(root: string, branch: string, edit: (stack: Stack) => void) {
  git(root, ['checkout', '-q', '-b', branch, 'main']);
  editStack(root, edit);
  commitAll(root, `prod: ${branch}`);
  const changes = collectGeneratedChanges(root, resolveBase(root, 'main'));
  const planned = await planChangedStacks(root, changes, log, CACHE);
  const summary = sampleSummary({ changes, planned });
  const markdown = formatSummaryMarkdown(summary);
  writeFileSync(join(CACHE, `last-summary-${branch}.md`), markdown);
  return { markdown, json: JSON.parse(formatSummaryJson(summary)) as Json };
}

function prodAction(json: Json, address: string) {
  return json.environments.find((env) => env.stack === 'prod')?.actions.find((a) => a.address === address);
}

// Branches off one base, planned by the real AWS provider against the base's state.
describe("changes to prod, planned against the base's state", () => {
  let root: string;
  let replaced: Awaited<ReturnType<typeof summarizeBranch>>;
  let resized: Awaited<ReturnType<typeof summarizeBranch>>;

  beforeAll(async () => {
    root = tempGitRepo('pr-summary-plan-');
    await freshSynthInto(root);
    commitAll(root, 'synthesized output');
    git(root, ['branch', '-M', 'main']);
    replaced = await summarizeBranch(root, 'unencrypted', (stack) => {
      const database = stack.resource.aws_db_instance?.database_instance as Record<string, unknown>;
      database.identifier = 'ecolaura-prod-postgres-2';
      database.storage_encrypted = false;
      delete database.kms_key_id;
      delete stack.resource.aws_eks_node_group;
      // What the construct would also stop writing: the add-ons waited for the node group.
      for (const addon of Object.values(stack.resource.aws_eks_addon ?? {})) {
        const after = addon.depends_on as string[] | undefined;
        if (after) addon.depends_on = after.filter((address) => !address.startsWith('aws_eks_node_group.'));
      }
    });
    resized = await summarizeBranch(root, 'resized', (stack) => {
      (stack.resource.aws_db_instance?.database_instance as Record<string, unknown>).instance_class = 'db.r7g.xlarge';
    });
  }, 900_000);

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('lists the database as replaced, forced by its storage encryption, with the rename old → new', () => {
    const database = prodAction(replaced.json, 'aws_db_instance.database_instance');
    expect(database?.action).toBe('replace');
    expect(database?.forcedBy).toContain('storage_encrypted');
    expect(database?.changes).toContainEqual({
      path: 'identifier',
      before: '"ecolaura-prod-postgres"',
      after: '"ecolaura-prod-postgres-2"',
    });
    expect(replaced.markdown).toMatch(/- `aws_db_instance\.database_instance` — forced by .*`storage_encrypted`/);
    expect(replaced.markdown).toContain('  - `storage_encrypted`: `true` → `false` (forces replacement)');
  });

  it('lists the removed node group as deleted', () => {
    expect(prodAction(replaced.json, 'aws_eks_node_group.eks_nodes_general_node_group')?.action).toBe('delete');
    expect(replaced.markdown).toContain('**delete** (1)\n\n- `aws_eks_node_group.eks_nodes_general_node_group`');
  });

  it('shows a new instance class as an update, old → new, and nothing else changed', () => {
    const database = prodAction(resized.json, 'aws_db_instance.database_instance');
    expect(database?.action).toBe('update');
    expect(database?.changes).toEqual([{ path: 'instance_class', before: '"db.r7g.large"', after: '"db.r7g.xlarge"' }]);
    expect(resized.json.environments[0]?.actions).toHaveLength(1);
    expect(resized.markdown).toContain('  - `instance_class`: `"db.r7g.large"` → `"db.r7g.xlarge"`');
  });

  it('blocks on the unacknowledged replacement of the database and says which trailer clears it', () => {
    expect(replaced.markdown).toContain('❌ **prod** replace `aws_db_instance.database_instance`');
    expect(replaced.markdown).toContain('```\nAcknowledge-destroy: prod aws_db_instance.database_instance\n```');
    expect(replaced.markdown).toMatch(/^## ❌ Needs attention: .*1 unacknowledged destructive change to data/);
  });

  it('takes a commit trailer as the acknowledgement, planning nothing the second time', async () => {
    git(root, ['checkout', '-q', 'unencrypted']);
    git(root, [
      'commit',
      '-q',
      '--allow-empty',
      '-m',
      'ack\n\nAcknowledge-destroy: prod aws_db_instance.database_instance',
    ]);
    const planned = await planChangedStacks(root, collectGeneratedChanges(root, resolveBase(root, 'main')), log, CACHE);
    expect(planned[0]?.cached).toBe(true);
    expect(planned[0]?.destructive).toEqual([expect.objectContaining({ acknowledged: true })]);
  });
});
