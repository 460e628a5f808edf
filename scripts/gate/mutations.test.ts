/**
 * Proof that the gate bites: each row of `mutations.ts` plants one defect in a fresh copy of the
 * committed synthesized output; the gate must then exit 1 and name the row's policy at the
 * planted file and resource. The unmutated copy must pass, or a failure would prove nothing.
 * A few rows also go through the real CLI, checking the exit code and what it prints.
 */

import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJsonSource, parseYamlSources } from '../core/source/source-document';
import type { Catalog } from './catalog';
import { loadPolicyBundle } from './evaluate';
import { MUTATIONS, type Mutation } from './mutations';
import { normalizeFile } from './normalize';
import { exitCodeOf, runGate } from './run-gate';
import { MutableTree, type MutationTarget } from './testing/mutable-tree';
import { runGateCli } from './testing/run-gate-cli';
import { copySynthesizedOutputs, REPO_ROOT } from './testing/synthesized-copy';

const BUNDLE = join(REPO_ROOT, 'policies', 'bundle');
const EXCEPTIONS = join(REPO_ROOT, 'policies', 'exceptions.yaml');
const TODAY = new Date().toISOString().slice(0, 10);

let pristine: string;
let catalog: Catalog;
const scratch: string[] = [];

beforeAll(async () => {
  pristine = copySynthesizedOutputs();
  catalog = (await loadPolicyBundle(BUNDLE)).catalog;
});

afterAll(() => {
  for (const dir of [pristine, ...scratch]) rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of the pristine output with the row's defect planted in it. */
function mutatedCopy(mutation: Mutation): { root: string; target: ReturnType<Mutation['apply']> } {
  const root = mkdtempSync(join(tmpdir(), 'gate-mutation-'));
  scratch.push(root);
  cpSync(pristine, root, { recursive: true });
  return { root, target: mutation.apply(new MutableTree(root)) };
}

function gate(root: string) {
  return runGate({ paths: [], root, bundleDir: BUNDLE, exceptionsFile: EXCEPTIONS, today: TODAY });
}

/**
 * Where the violation must point: the line the normalizer gives the planted resource, or, for a
 * row naming the offending attribute, that attribute's line in the file.
 */
function lineOf(root: string, target: MutationTarget): number {
  const text = readFileSync(join(root, target.file), 'utf8');
  const resource = normalizeFile(target.file, text).find((r) => r.address === target.resource);
  if (!resource) throw new Error(`${target.resource} is not in ${target.file} after the mutation`);
  if (!target.path) return resource.line;
  if (resource.source === 'terraform') {
    return parseJsonSource(target.file, text).lineOf(['resource', resource.type, resource.name, ...target.path]);
  }
  const document = parseYamlSources(target.file, text)
    .filter((d) => d.startLine() <= resource.line)
    .at(-1);
  return document?.lineOf(target.path) ?? resource.line;
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
  it('passes, so every failure below is caused by its mutation', async () => {
    const report = await gate(pristine);
    expect(report.findings.filter((f) => !f.waived).map((f) => `${f.policy} ${f.resource}`)).toEqual([]);
  });
});

describe('the gate over one defect at a time', () => {
  it.each(MUTATIONS.map((m) => [m.defect, m.policy.id, m] as const))(
    '%s → exit 1 with %s',
    async (_defect, id, mutation) => {
      const { root, target } = mutatedCopy(mutation);
      const report = await gate(root);
      expect(exitCodeOf(report)).toBe(1);
      const caught = report.findings.filter((f) => !f.waived && f.policy === id);
      expect(caught.map((f) => ({ file: f.file, resource: f.resource, line: f.line }))).toContainEqual({
        file: target.file,
        resource: target.resource,
        line: lineOf(root, target),
      });
    },
  );
});

describe('the real CLI over a mutated copy', () => {
  const picks = MUTATIONS.filter((_, index) => index % 9 === 0);

  it.each(picks.map((m) => [m.defect, m] as const))('%s: exits 1 and prints policy, file:line', (_defect, mutation) => {
    const { root, target } = mutatedCopy(mutation);
    const run = runGateCli(['--exceptions', EXCEPTIONS], root);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`  ${mutation.policy.id}  `);
    expect(run.stdout).toContain(`${target.file}:${lineOf(root, target)}  ${target.resource}`);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^error: gate failed: [1-9]\d* violations?/);
  });
});
