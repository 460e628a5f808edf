/**
 * The gate over a MutableTree held in memory, for the mutation tests: the same normalizer,
 * cross-file facts, bundle and exceptions as `runGate`, with the bundle loaded once and each
 * file normalized once. A file whose text is unchanged reuses its first normalization (a deep
 * copy of it, so no judgement can leak into the next); only the files a mutation wrote are parsed
 * again; the changed files are also written into a pristine folder for the time of the
 * judgement, because the locator reads the attribute lines and source maps from disk. Facts and rules correlate resources only within a group (an environment's manifests, one
 * stack), and `runGate` evaluates group by group, so a group whose files are all unchanged keeps
 * the findings it had; only the groups a mutation touched are judged again. `mutations.test.ts`
 * proves it judges the unmutated tree exactly as `runGate` judges the same files on disk.
 */

import { rmSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { GATED_EXTENSIONS, unjudgeableReason } from '../collect-files';
import { loadPolicyBundle, type PolicyBundle } from '../evaluate';
import { type Finding, loadExceptions, type PolicyException } from '../exceptions';
import { groupFindings } from '../group-findings';
import { normalizeSource } from '../normalize';
import { judge, withCrossFileFacts } from '../run-gate';
import type { PolicyResource } from '../types';
import type { MutableTree } from './mutable-tree';

export interface InMemoryJudgement {
  readonly findings: readonly Finding[];
  /** The policy input after cross-file facts, group by group. */
  readonly resources: readonly PolicyResource[];
  /** The normalized resource at `address` in `file` (its line is where a violation of it points). */
  resourceIn(file: string, address: string): PolicyResource;
}

export interface InMemoryGate {
  readonly bundle: PolicyBundle;
  judgeTree(tree: MutableTree): InMemoryJudgement;
}

/** One group's files (path → text) as judged, and what the judgement found. */
interface GroupJudgement {
  readonly texts: ReadonlyMap<string, string>;
  readonly resources: readonly PolicyResource[];
  readonly findings: readonly Finding[];
}

function sameTexts(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([file, text]) => b.get(file) === text);
}

function isGated(file: string): boolean {
  const reason = unjudgeableReason(file.split('/').pop() ?? '');
  if (reason) throw new Error(`${file}: the gate refuses it (${reason})`);
  return (GATED_EXTENSIONS as readonly string[]).includes(extname(file).toLowerCase());
}

export async function loadInMemoryGate(options: {
  /**
   * A folder holding `pristine` on disk: the gate's locator reads source maps and the files it
   * points into from there, so each judged tree's changed files are written into it for the
   * judgement and put back afterwards.
   */
  readonly root: string;
  readonly pristine: MutableTree;
  readonly bundleDir: string;
  readonly exceptionsFile: string;
  readonly today: string;
}): Promise<InMemoryGate> {
  const bundle = await loadPolicyBundle(options.bundleDir);
  const exceptions: readonly PolicyException[] = loadExceptions(options.exceptionsFile, bundle.catalog, options.today);
  const normalized = new Map<string, { readonly text: string; readonly resources: readonly PolicyResource[] }>();
  const judged = new Map<string, GroupJudgement>();

  const resourcesOf = (file: string, text: string): PolicyResource[] => {
    const known = normalized.get(file);
    if (known?.text === text) return structuredClone(known.resources) as PolicyResource[];
    const resources = normalizeSource(file, text, options.today).resources;
    if (!known) normalized.set(file, { text, resources: structuredClone(resources) });
    return resources;
  };

  const judgeGroup = (key: string, texts: ReadonlyMap<string, string>, members: PolicyResource[]): GroupJudgement => {
    const known = judged.get(key);
    if (known && sameTexts(known.texts, texts)) return known;
    const resources = withCrossFileFacts(members);
    const group = { texts, resources, findings: judge(bundle, exceptions, resources, options).findings };
    if (!known) judged.set(key, group);
    return group;
  };

  return {
    bundle,
    judgeTree(tree) {
      tree.writeTo(options.root);
      try {
        return judgeWritten(tree);
      } finally {
        for (const file of tree.changedFiles()) {
          if (options.pristine.has(file)) writeFileSync(join(options.root, file), options.pristine.text(file));
          else rmSync(join(options.root, file), { force: true });
        }
      }
    },
  };

  function judgeWritten(tree: MutableTree): InMemoryJudgement {
    const perFile = new Map(
      tree
        .files()
        .filter(isGated)
        .map((file) => [file, resourcesOf(file, tree.text(file))]),
    );
    const groups = new Map<string, { texts: Map<string, string>; members: PolicyResource[] }>();
    for (const [file, resources] of perFile) {
      for (const resource of resources) {
        const group = groups.get(resource.group) ?? {
          texts: new Map<string, string>(),
          members: [] as PolicyResource[],
        };
        group.texts.set(file, tree.text(file));
        group.members.push(resource);
        groups.set(resource.group, group);
      }
    }
    const judgements = [...groups].map(([key, { texts, members }]) => judgeGroup(key, texts, members));
    return {
      findings: groupFindings(judgements.flatMap((group) => group.findings)),
      resources: judgements.flatMap((group) => group.resources),
      resourceIn(file, address) {
        const resource = perFile.get(file)?.find((r) => r.address === address);
        if (!resource) throw new Error(`${address} is not in ${file} after the mutation`);
        return resource;
      },
    };
  }
}
