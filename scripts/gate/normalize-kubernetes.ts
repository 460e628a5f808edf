/**
 * Kubernetes manifests (multi-document YAML, or a JSON object) → policy resources, one per
 * object, each with the line its document starts on. `List` kinds are expanded into their items.
 */

import { GateInputError } from '../core/errors';
import { isRecord } from '../core/is-record';
import { environmentOfPath, kubernetesGroup } from '../core/source/location';
import type { PathSegment, SourceDocument } from '../core/source/source-document';
import { sortedRecord, tagMap } from './terraform-common';
import type { PolicyResource } from './types';

/** True for a document that names an apiVersion and a kind, as every Kubernetes object does. */
export function isKubernetesObject(
  value: unknown,
): value is Record<string, unknown> & { readonly apiVersion: string; readonly kind: string } {
  return isRecord(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string';
}

function toResource(file: string, source: SourceDocument, object: unknown, path: PathSegment[]): PolicyResource {
  const line = path.length === 0 ? source.startLine() : source.lineOf(path);
  if (!isKubernetesObject(object)) {
    throw new GateInputError(
      file,
      line,
      'unknown document: a Kubernetes object needs apiVersion and kind (is this file meant to be gated?)',
    );
  }
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const name = metadata.name;
  if (typeof name !== 'string' || name === '') {
    throw new GateInputError(file, line, `${object.kind} without metadata.name`);
  }
  const namespace = typeof metadata.namespace === 'string' && metadata.namespace !== '' ? metadata.namespace : null;
  return {
    source: 'kubernetes',
    file,
    line,
    group: kubernetesGroup(file),
    environment: environmentOfPath(file),
    region: null,
    type: object.kind,
    apiVersion: object.apiVersion,
    name,
    namespace,
    address: namespace === null ? `${object.kind}/${name}` : `${object.kind}/${namespace}/${name}`,
    tags: sortedRecord(tagMap(metadata.labels)),
    values: object,
    references: [],
    attributeReferences: {},
    facts: {},
  };
}

/** One parsed document → its objects (several for a `…List`). */
export function normalizeKubernetesDocument(file: string, source: SourceDocument): PolicyResource[] {
  const object = source.toJS();
  if (isKubernetesObject(object) && object.kind.endsWith('List') && Array.isArray(object.items)) {
    return object.items.map((item, index) => toResource(file, source, item, ['items', index]));
  }
  return [toResource(file, source, object, [])];
}
