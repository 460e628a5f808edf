import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { diffTrees, listFiles } from './tree-diff';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tree-diff-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

describe('diffTrees', () => {
  it('reports changed, missing and stale files by their repo-relative path', () => {
    const committed = tree({ 'prod/a.yaml': 'a', 'prod/b.yaml': 'b', 'dev/old.yaml': 'x' });
    const fresh = tree({ 'prod/a.yaml': 'a', 'prod/b.yaml': 'B', 'dev/new.yaml': 'y' });
    expect(diffTrees(committed, fresh, 'clusters')).toEqual({
      changed: ['clusters/prod/b.yaml'],
      missing: ['clusters/dev/new.yaml'],
      stale: ['clusters/dev/old.yaml'],
    });
  });

  it('finds no drift between identical trees', () => {
    const files = { 'stacks/prod/cdk.tf.json': '{}', 'manifest.json': '{}' };
    expect(diffTrees(tree(files), tree(files), 'terraform/cdktf.out')).toEqual({ changed: [], missing: [], stale: [] });
  });

  it('treats a committed tree that does not exist yet as empty', () => {
    expect(listFiles(join(tmpdir(), 'no-such-tree-here'))).toEqual([]);
    expect(diffTrees(join(tmpdir(), 'no-such-tree-here'), tree({ 'x.yaml': '' }), 'c').missing).toEqual(['c/x.yaml']);
  });
});
