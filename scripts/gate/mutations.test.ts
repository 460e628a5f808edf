/**
 * Proof that the gate bites: each row of `mutations.ts` plants one defect in an in-memory copy of
 * the committed synthesized output; the gate must then exit 1 and name the row's policy at the
 * planted file, resource and line. The unmutated tree must pass, or a failure would prove
 * nothing, and the in-memory gate must judge it exactly as `runGate` judges the files on disk.
 * A few rows also go through the real CLI on a folder, checking the exit code and what it prints.
 */

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { compareText } from '../core/compare';
import { parseJsonSource, parseYamlSources } from '../core/source/source-document';
import type { Catalog } from './catalog';
import { MUTATIONS, type Mutation } from './mutations';
import { exitCodeOf, runGate } from './run-gate';
import { type InMemoryGate, type InMemoryJudgement, loadInMemoryGate } from './testing/in-memory-gate';
import { MutableTree, type MutationTarget } from './testing/mutable-tree';
import { runGateCli } from './testing/run-gate-cli';
import { copySynthesizedOutputs, REPO_ROOT } from './testing/synthesized-copy';

const BUNDLE = join(REPO_ROOT, 'policies', 'bundle');
const EXCEPTIONS = join(REPO_ROOT, 'policies', 'exceptions.yaml');
const TODAY = new Date().toISOString().slice(0, 10);

let pristine: MutableTree;
let pristineRoot: string;
let gate: InMemoryGate;
let catalog: Catalog;
const scratch: string[] = [];

beforeAll(async () => {
  pristineRoot = copySynthesizedOutputs();
  scratch.push(pristineRoot);
  pristine = MutableTree.read(pristineRoot);
  gate = await loadInMemoryGate({
    root: pristineRoot,
    pristine,
    bundleDir: BUNDLE,
    exceptionsFile: EXCEPTIONS,
    today: TODAY,
  });
  catalog = gate.bundle.catalog;
});

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** Resources or findings sorted by place: the in-memory gate lists them group by group. */
function inFileOrder<T extends { readonly file: string; readonly line: number }>(items: readonly T[]): T[] {
  const key = (item: T) => `${item.file}\0${String(item.line).padStart(8, '0')}\0${JSON.stringify(item)}`;
  return [...items].sort((a, b) => compareText(key(a), key(b)));
}

/**
 * Where the violation must point: the line the normalizer gives the planted resource, or, for a
 * row naming the offending attribute, that attribute's line in the file.
 */
function lineOf(tree: MutableTree, judgement: InMemoryJudgement, target: MutationTarget): number {
  const resource = judgement.resourceIn(target.file, target.resource);
  if (!target.path) return resource.line;
  const text = tree.text(target.file);
  if (resource.source === 'terraform') {
    return parseJsonSource(target.file, text).lineOf(['resource', resource.type, resource.name, ...target.path]);
  }
  const document = parseYamlSources(target.file, text)
    .filter((d) => d.startLine() <= resource.line)
    .at(-1);
  return document?.lineOf(target.path) ?? resource.line;
}

/** A fresh copy of the pristine tree with the row's defect planted in it. */
function mutatedTree(mutation: Mutation): { tree: MutableTree; target: MutationTarget } {
  const tree = new MutableTree(new Map(pristine.files().map((file) => [file, pristine.text(file)])));
  return { tree, target: mutation.apply(tree) };
}

describe('the mutation table', () => {
  it('has at least 25 distinct defects, each naming a catalog policy by id and package', () => {
    expect(new Set(MUTATIONS.map((m) => m.defect)).size).toBe(MUTATIONS.length);
    expect(MUTATIONS.length).toBeGreaterThanOrEqual(25);
    const mismatched = MUTATIONS.filter((m) => {
      const byPackage = [...catalog.values()].find((policy) => policy.package === m.policy.package);
      return byPackage?.id !== m.policy.id;
    }).map((m) => `${m.defect}: ${m.policy.id} / ${m.policy.package}`);
    expect(mismatched).toEqual([]);
  });
});

describe('the mutation table covers', () => {
  it('every policy in the catalog with at least one defect', () => {
    const covered = new Set(MUTATIONS.map((m) => m.policy.id));
    expect([...catalog.keys()].filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe('the gate over the unmutated copy', () => {
  it('passes, so every failure below is caused by its mutation', () => {
    const { findings } = gate.judgeTree(pristine);
    expect(findings.filter((f) => !f.waived).map((f) => `${f.policy} ${f.resource}`)).toEqual([]);
  });

  it('in memory judges exactly as runGate does on disk: same policy input, same findings', async () => {
    const onDisk = await runGate({
      paths: [],
      root: pristineRoot,
      bundleDir: BUNDLE,
      exceptionsFile: EXCEPTIONS,
      today: TODAY,
    });
    const inMemory = gate.judgeTree(pristine);
    expect(inFileOrder(inMemory.resources)).toEqual(inFileOrder(onDisk.resources));
    expect(inFileOrder(inMemory.findings)).toEqual(inFileOrder(onDisk.findings));
  });
});

describe('the gate over one defect at a time', () => {
  it.each(MUTATIONS.map((m) => [m.defect, m.policy.id, m] as const))('%s → exit 1 with %s', (_defect, id, mutation) => {
    const { tree, target } = mutatedTree(mutation);
    expect(tree.changedFiles()).not.toEqual([]);
    const judgement = gate.judgeTree(tree);
    expect(exitCodeOf(judgement)).toBe(1);
    const caught = judgement.findings.filter((f) => !f.waived && f.policy === id);
    expect(caught.map((f) => ({ file: f.file, resource: f.resource, line: f.line }))).toContainEqual({
      file: target.file,
      resource: target.resource,
      line: lineOf(tree, judgement, target),
    });
  });
});

describe('the real CLI over a mutated copy', () => {
  const picks = MUTATIONS.filter((_, index) => index % 9 === 0);

  it.each(picks.map((m) => [m.defect, m] as const))('%s: exits 1 and prints policy, file:line', (_defect, mutation) => {
    const { tree, target } = mutatedTree(mutation);
    const line = lineOf(tree, gate.judgeTree(tree), target);
    const root = copySynthesizedOutputs();
    scratch.push(root);
    tree.writeTo(root);
    const run = runGateCli(['--exceptions', EXCEPTIONS], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`  ${mutation.policy.id}  `);
    expect(run.stdout).toContain(`${target.file}:${line}  ${target.resource}`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^error: gate failed: [1-9]\d* violations?/);
  });
});
