/**
 * Every pod template an object carries, wherever its kind keeps it: a Pod is its own template;
 * built-in workloads keep one at `spec.template` (`spec.jobTemplate.spec.template` for a
 * CronJob); operators' custom resources at `podTemplate` (ECK: `spec.nodeSets[default].podTemplate`,
 * `spec.podTemplate`, `spec.daemonSet.podTemplate`). Found by shape, so a kind missing from a
 * list cannot slip past Pod Security admission.
 */

import { isRecord } from '../core/is-record';
import type { PolicyResource } from '../gate/types';

export interface PodTemplate {
  /** Where the template sits in the object, readable: `spec.nodeSets[default].podTemplate`; `` for a Pod. */
  readonly path: string;
  readonly metadata: Record<string, unknown>;
  readonly spec: Record<string, unknown>;
}

/** Built-in kinds that must carry a template: one without is judged as an empty pod, never skipped. */
const TEMPLATE_OF: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  ReplicationController: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  PodTemplate: ['template'],
};

function asTemplate(path: string, value: unknown): PodTemplate {
  const template = isRecord(value) ? value : {};
  return {
    path,
    metadata: isRecord(template.metadata) ? template.metadata : {},
    spec: isRecord(template.spec) ? template.spec : {},
  };
}

function at(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), value);
}

/** A list element's readable key: its `name` when it has one, else its index. */
function elementKey(element: unknown, index: number): string {
  return isRecord(element) && typeof element.name === 'string' ? element.name : String(index);
}

/** `template`/`podTemplate` records with a pod spec, anywhere below `value`. */
function templatesBelow(value: unknown, path: string): PodTemplate[] {
  if (Array.isArray(value))
    return value.flatMap((element, i) => templatesBelow(element, `${path}[${elementKey(element, i)}]`));
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = `${path}.${key}`;
    if (isPodTemplate(key, child)) return [asTemplate(childPath, child)];
    return templatesBelow(child, childPath);
  });
}

function isPodTemplate(key: string, value: unknown): boolean {
  if (!isRecord(value) || !isRecord(value.spec)) return false;
  // ECK's podTemplate may hold only a security context: the operator adds the containers.
  if (key === 'podTemplate') return true;
  return key === 'template' && Array.isArray(value.spec.containers);
}

export function podTemplatesOf(resource: PolicyResource): PodTemplate[] {
  if (resource.source !== 'kubernetes') return [];
  if (resource.type === 'Pod') return [asTemplate('', resource.values)];
  const known = TEMPLATE_OF[resource.type];
  if (known) return [asTemplate(known.join('.'), at(resource.values, known))];
  return templatesBelow(resource.values.spec, 'spec');
}
