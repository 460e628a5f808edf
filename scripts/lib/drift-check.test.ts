import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderVocabularyFile, VOCABULARY_FILE } from '../../environments/vocabulary';
import { checkDrift, driftEntries, vocabularyDrift } from './drift-check';
import { freshSynthInto, REPO_ROOT } from './testing/fresh-synth';

describe('checkDrift', () => {
  let committed: string;

  beforeAll(async () => {
    committed = mkdtempSync(join(tmpdir(), 'drift-check-'));
    await freshSynthInto(committed);
  });

  afterAll(() => rmSync(committed, { recursive: true, force: true }));

  it('finds nothing when the committed tree is exactly a fresh synth', async () => {
    const check = await checkDrift({ sourceRoot: REPO_ROOT, committedRoot: committed });
    expect(check.status).toBe('compared');
    if (check.status !== 'compared') return;
    expect(check.programs.map((p) => p.program.name)).toEqual(['terraform', 'kubernetes']);
    expect(check.programs.flatMap((p) => driftEntries(p.diff))).toEqual([]);
  });

  it('names a hand-edited, a deleted and an extra generated file with what each means', async () => {
    appendFileSync(join(committed, 'clusters/prod/backend/Service.backend.yaml'), '# edited by hand\n');
    rmSync(join(committed, 'terraform/cdktf.out/stacks/dev/cdk.tf.json'));
    writeFileSync(join(committed, 'clusters/dev/backend/ConfigMap.leftover.yaml'), 'kind: ConfigMap\n');

    const check = await checkDrift({ sourceRoot: REPO_ROOT, committedRoot: committed });

    if (check.status !== 'compared') throw new Error(`expected a comparison, got ${check.status}`);
    expect(check.programs.flatMap((p) => driftEntries(p.diff))).toEqual([
      {
        kind: 'missing',
        file: 'terraform/cdktf.out/stacks/dev/cdk.tf.json',
        note: 'synth writes it, Git lacks it',
      },
      { kind: 'changed', file: 'clusters/prod/backend/Service.backend.yaml', note: '' },
      {
        kind: 'stale',
        file: 'clusters/dev/backend/ConfigMap.leftover.yaml',
        note: 'committed, no longer synthesized',
      },
    ]);
  });
});

describe('vocabularyDrift', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'vocabulary-drift-'));
    mkdirSync(join(root, 'policies'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('accepts the file the model renders now', () => {
    writeFileSync(join(root, VOCABULARY_FILE), renderVocabularyFile());
    expect(vocabularyDrift(root)).toBeNull();
  });

  it('names a hand-edited vocabulary (a region the model refuses added) and a missing one', () => {
    writeFileSync(
      join(root, VOCABULARY_FILE),
      renderVocabularyFile().replace('"eu-west-1"', '"eu-west-1", "eu-west-2"'),
    );
    expect(vocabularyDrift(root)).toBe('policies/vocabulary.json differs from what environments/vocabulary.ts renders');
    rmSync(join(root, VOCABULARY_FILE));
    expect(vocabularyDrift(root)).toBe('policies/vocabulary.json is missing');
  });
});
