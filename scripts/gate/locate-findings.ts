/**
 * Points each violation where people fix it: the offending attribute's line (when the policy
 * names the attribute), a plan's resource in the stack's `cdk.tf.json` it was planned from
 * (plans are one line of JSON), and the TypeScript line that created the resource, from the
 * synth's `source-map.json`.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord } from '../core/is-record';
import { readSourceFile } from '../core/source/read-source-file';
import {
  type PathSegment,
  parseJsonSource,
  parseYamlSources,
  type SourceDocument,
} from '../core/source/source-document';
import { SourceMaps } from '../source-map/source-map-file';
import { compareViolations } from './evaluate';
import type { PolicyResource, Violation } from './types';

/** `.tfcheck/<env>/plan.json` is planned from `terraform/cdktf.out/stacks/<env>/cdk.tf.json` (tf:check). */
const TF_CHECK_PLAN = /^\.tfcheck\/([^/]+)\/plan\.json$/;

function withoutIndexes(address: string): string {
  return address.replace(/\[[^\]]*\]/g, '');
}

/**
 * The path as it is written in `value`: a plan lists a nested block (`[{"enabled": true}]`)
 * where the configuration may write the object itself, so an index into something that is not
 * a list is passed over; the path stops where the document no longer follows it.
 */
function pathIn(value: unknown, path: readonly PathSegment[]): PathSegment[] {
  const written: PathSegment[] = [];
  let node = value;
  for (const segment of path) {
    if (typeof segment === 'number' && !Array.isArray(node)) continue;
    if (Array.isArray(node) && typeof segment === 'number' && segment < node.length) node = node[segment];
    else if (isRecord(node) && typeof segment === 'string' && segment in node) node = node[segment];
    else break;
    written.push(segment);
  }
  return written;
}

export class FindingLocator {
  private readonly documents = new Map<string, SourceDocument[]>();
  private readonly sourceMaps: SourceMaps;
  private readonly resources = new Map<string, PolicyResource>();

  constructor(
    private readonly root: string,
    resources: readonly PolicyResource[],
  ) {
    this.sourceMaps = new SourceMaps(root);
    for (const resource of resources) this.resources.set(`${resource.file}\0${resource.address}`, resource);
  }

  locate(violation: Violation): Violation {
    const resource = this.resources.get(`${violation.file}\0${violation.resource}`);
    if (!resource) return violation;
    const input = violation.file;
    const stack = resource.source === 'terraform-plan' ? this.stackOfPlan(input) : undefined;
    const file = stack ?? input;
    const address = resource.source === 'kubernetes' ? resource.address : withoutIndexes(resource.address);
    const line = this.lineOf(file, resource, stack !== undefined, violation.path ?? []) ?? violation.line;
    const source = this.sourceMaps.siteOf(file, address) ?? null;
    return { ...violation, file, line, origin: { form: resource.source, input, source } };
  }

  private stackOfPlan(plan: string): string | undefined {
    const environment = TF_CHECK_PLAN.exec(plan)?.[1];
    const stack = environment && `terraform/cdktf.out/stacks/${environment}/cdk.tf.json`;
    return stack && existsSync(join(this.root, stack)) ? stack : undefined;
  }

  private documentsOf(file: string): SourceDocument[] {
    let documents = this.documents.get(file);
    if (!documents) {
      const text = readSourceFile(join(this.root, file), file);
      documents = file.endsWith('.json') ? [parseJsonSource(file, text)] : parseYamlSources(file, text);
      this.documents.set(file, documents);
    }
    return documents;
  }

  /** The line of `path` below the resource in `file`; undefined for a plan read where it was gated. */
  private lineOf(
    file: string,
    resource: PolicyResource,
    inStack: boolean,
    path: readonly PathSegment[],
  ): number | undefined {
    if (resource.source === 'terraform-plan' && !inStack) return undefined;
    if (resource.source === 'kubernetes') {
      if (path.length === 0) return undefined;
      const document = [...this.documentsOf(file)]
        .reverse()
        .find((candidate) => candidate.startLine() <= resource.line);
      const object = document?.toJS();
      // A `List`'s items keep the line of their item: their attributes are not resolved here.
      if (!document || (isRecord(object) && Array.isArray(object.items))) return undefined;
      return document.lineOf(pathIn(object, path));
    }
    const [document] = this.documentsOf(file);
    if (!document) return undefined;
    const at = ['resource', resource.type, withoutIndexes(resource.address).split('.').at(-1) ?? ''];
    const body = (document.toJS() as Record<string, Record<string, Record<string, unknown>>>).resource?.[at[1] ?? '']?.[
      at[2] ?? ''
    ];
    return document.lineOf([...at, ...pathIn(body, path)]);
  }
}

/** Every violation located, sorted again (plan findings moved to their stack's lines). */
export function locateViolations(
  violations: readonly Violation[],
  resources: readonly PolicyResource[],
  root: string,
): Violation[] {
  const locator = new FindingLocator(root, resources);
  return violations.map((violation) => locator.locate(violation)).sort(compareViolations);
}
