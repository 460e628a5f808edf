/**
 * `facts.admission`: what Pod Security admission will apply to an object's pods — its
 * namespace's `pod-security.kubernetes.io/enforce` level and `enforce-version`, and every pod
 * template the object carries. Resolving the namespace crosses files (a Deployment, its folder's
 * Application, the Namespace in the platform folder), so TypeScript does it per group; the
 * standards themselves are judged in Rego (policies/lib/pod_security.rego, ECO-PSS-009).
 * https://kubernetes.io/docs/concepts/security/pod-security-admission/
 */

import { isRecord } from '../core/is-record';
import type { PolicyResource } from '../gate/types';
import { type ApplicationView, applicationsSyncing, byGroup, isApplication, readApplication } from './applications';
import { type PodTemplate, podTemplatesOf } from './pod-templates';

export const LEVELS = ['privileged', 'baseline', 'restricted'] as const;
export type Level = (typeof LEVELS)[number];

/** The first Pod Security Standards version whose controls policies/lib/pod_security.rego models. */
export const OLDEST_MODELLED_MINOR = 25;

export interface AdmissionFacts {
  readonly namespace: string;
  readonly level: Level;
  /** `latest` or `v1.N`. */
  readonly version: string;
  /** `namespace-label`, or `cluster-default` when the namespace sets no enforce label (EKS: privileged). */
  readonly source: 'namespace-label' | 'cluster-default';
  /** Why the labels cannot be judged (an invalid level, a version older than modelled); null when they can. */
  readonly problem: string | null;
  readonly templates: readonly PodTemplate[];
  /** `chart@version` of a Helm Application: its pods are rendered by Argo CD, not in Git. */
  readonly chart: string | null;
}

const ENFORCE = 'pod-security.kubernetes.io/enforce';

interface NamespaceLevel {
  readonly level: Level;
  readonly version: string;
  readonly source: AdmissionFacts['source'];
  readonly problem: string | null;
}

/** The level the API server applies for a namespace's labels (none: the cluster default, privileged on EKS). */
export function levelOf(namespace: string, labels: Readonly<Record<string, string>>): NamespaceLevel {
  const level = labels[ENFORCE];
  const version = labels[`${ENFORCE}-version`] ?? 'latest';
  if (level === undefined) return { level: 'privileged', version, source: 'cluster-default', problem: null };
  const known = (LEVELS as readonly string[]).includes(level);
  const minor = /^v1\.(\d+)$/.exec(version)?.[1];
  let problem: string | null = null;
  if (!known)
    problem = `namespace ${namespace} has ${ENFORCE}=${JSON.stringify(level)}, not one of ${LEVELS.join(', ')}: the API server refuses the label`;
  else if (version !== 'latest' && minor === undefined)
    problem = `namespace ${namespace} has ${ENFORCE}-version=${JSON.stringify(version)}, neither latest nor v1.<minor>: the API server refuses the label`;
  else if (minor !== undefined && Number(minor) < OLDEST_MODELLED_MINOR)
    problem = `namespace ${namespace} pins Pod Security ${version}, older than v1.${OLDEST_MODELLED_MINOR}, whose controls this check models: it cannot judge the pods`;
  return { level: known ? (level as Level) : 'restricted', version, source: 'namespace-label', problem };
}

/** Namespace labels of a group: Namespace objects, else the labels a CreateNamespace sync gives it. */
function namespaceLabels(
  group: readonly PolicyResource[],
  applications: readonly ApplicationView[],
): Map<string, Record<string, string>> {
  const labels = new Map<string, Record<string, string>>();
  for (const application of applications) {
    const namespace = application.destination.namespace;
    if (!namespace || !application.syncOptions.includes('CreateNamespace=true')) continue;
    const spec = isRecord(application.resource.values.spec) ? application.resource.values.spec : {};
    const managed = isRecord(spec.syncPolicy) ? spec.syncPolicy.managedNamespaceMetadata : undefined;
    const managedLabels = isRecord(managed) && isRecord(managed.labels) ? managed.labels : {};
    labels.set(
      namespace,
      Object.fromEntries(
        Object.entries(managedLabels).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      ),
    );
  }
  for (const resource of group) {
    if (resource.source === 'kubernetes' && resource.type === 'Namespace' && resource.apiVersion === 'v1') {
      labels.set(resource.name, resource.tags);
    }
  }
  return labels;
}

/** The namespace an object's pods run in: its own, else its folder's Application's destination. */
function namespaceOf(resource: PolicyResource, applications: readonly ApplicationView[]): string {
  if (resource.namespace !== null) return resource.namespace;
  const owner = applicationsSyncing(applications, resource.file)[0];
  return owner?.destination.namespace ?? 'default';
}

function chartOf(application: ApplicationView): string | null {
  const chart = application.sources.find((source) => source.chart !== undefined);
  return chart ? `${chart.chart}@${chart.targetRevision ?? '?'}` : null;
}

function factsOf(
  resource: PolicyResource,
  applications: readonly ApplicationView[],
  labels: ReadonlyMap<string, Record<string, string>>,
): AdmissionFacts | undefined {
  if (isApplication(resource)) {
    const application = readApplication(resource);
    const chart = chartOf(application);
    if (chart === null) return undefined;
    const namespace = application.destination.namespace ?? 'default';
    return { namespace, ...levelOf(namespace, labels.get(namespace) ?? {}), templates: [], chart };
  }
  const templates = podTemplatesOf(resource);
  if (templates.length === 0) return undefined;
  const namespace = namespaceOf(resource, applications);
  return { namespace, ...levelOf(namespace, labels.get(namespace) ?? {}), templates, chart: null };
}

/** The resources with `facts.admission` on every object that carries pods, and on every Helm Application. */
export function withAdmissionFacts(resources: readonly PolicyResource[]): PolicyResource[] {
  const facts = new Map<PolicyResource, AdmissionFacts>();
  for (const group of byGroup(resources).values()) {
    const applications = group.filter(isApplication).map(readApplication);
    const labels = namespaceLabels(group, applications);
    for (const resource of group) {
      const admission = factsOf(resource, applications, labels);
      if (admission) facts.set(resource, admission);
    }
  }
  return resources.map((resource) => {
    const admission = facts.get(resource);
    return admission ? { ...resource, facts: { ...resource.facts, admission } } : resource;
  });
}
