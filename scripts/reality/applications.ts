/**
 * The Argo CD Applications of one group (an environment's manifests) as the reality checks read
 * them: which folder or chart each syncs, into which namespace, in which wave. Shared by the Pod
 * Security admission facts (a folder's objects land in its Application's namespace) and the sync
 * simulation.
 */

import { isRecord } from '../core/is-record';
import type { PolicyResource } from '../gate/types';
import { normalizeRepoPath } from '../manifests/argo';
import { groupOf } from '../manifests/catalog';

export interface ApplicationView {
  readonly resource: PolicyResource;
  readonly name: string;
  readonly project: string | undefined;
  /** `argocd.argoproj.io/sync-wave`, 0 when absent (Argo CD's default). */
  readonly wave: number;
  readonly destination: { readonly server?: string; readonly name?: string; readonly namespace?: string };
  readonly sources: readonly ApplicationSourceView[];
  readonly syncOptions: readonly string[];
  /** True when `spec.syncPolicy.automated` is set: Argo CD syncs without a person. */
  readonly automated: boolean;
}

export interface ApplicationSourceView {
  /** `spec.source` or `spec.sources[2]`. */
  readonly field: string;
  readonly repoURL: string | undefined;
  /** Repository-relative folder of a directory source. */
  readonly path: string | undefined;
  /** Chart name of a Helm source. */
  readonly chart: string | undefined;
  readonly targetRevision: string | undefined;
}

export function isApplication(resource: PolicyResource): boolean {
  return (
    resource.source === 'kubernetes' &&
    resource.type === 'Application' &&
    groupOf(resource.apiVersion ?? '') === 'argoproj.io'
  );
}

/** The sync wave of any object: an integer annotation, 0 when absent. */
export function waveOf(resource: PolicyResource): number {
  const metadata = isRecord(resource.values.metadata) ? resource.values.metadata : {};
  const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};
  const wave = Number.parseInt(String(annotations['argocd.argoproj.io/sync-wave'] ?? '0'), 10);
  return Number.isNaN(wave) ? 0 : wave;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function readApplication(resource: PolicyResource): ApplicationView {
  const spec = isRecord(resource.values.spec) ? resource.values.spec : {};
  const listed: [string, unknown][] = [];
  if (spec.source !== undefined) listed.push(['spec.source', spec.source]);
  if (Array.isArray(spec.sources))
    listed.push(...spec.sources.map((s, i): [string, unknown] => [`spec.sources[${i}]`, s]));
  const destination = isRecord(spec.destination) ? spec.destination : {};
  const syncPolicy = isRecord(spec.syncPolicy) ? spec.syncPolicy : {};
  return {
    resource,
    name: resource.name,
    project: text(spec.project),
    wave: waveOf(resource),
    destination: {
      ...(text(destination.server) ? { server: text(destination.server) } : {}),
      ...(text(destination.name) ? { name: text(destination.name) } : {}),
      ...(text(destination.namespace) ? { namespace: text(destination.namespace) } : {}),
    },
    sources: listed.map(([field, source]) => {
      const s = isRecord(source) ? source : {};
      const path = text(s.path);
      return {
        field,
        repoURL: text(s.repoURL),
        path: path === undefined ? undefined : normalizeRepoPath(path),
        chart: text(s.chart),
        targetRevision: text(s.targetRevision),
      };
    }),
    syncOptions: Array.isArray(syncPolicy.syncOptions)
      ? syncPolicy.syncOptions.filter((o) => typeof o === 'string')
      : [],
    automated: syncPolicy.automated !== undefined && syncPolicy.automated !== null,
  };
}

/** The Applications whose directory source holds `file` (`clusters/prod/backend/x.yaml`). */
export function applicationsSyncing(applications: readonly ApplicationView[], file: string): ApplicationView[] {
  const folder = file.slice(0, file.lastIndexOf('/'));
  return applications.filter((application) => application.sources.some((source) => source.path === folder));
}

/** Resources by group, in input order. */
export function byGroup(resources: readonly PolicyResource[]): Map<string, PolicyResource[]> {
  const groups = new Map<string, PolicyResource[]>();
  for (const resource of resources) {
    const members = groups.get(resource.group) ?? [];
    members.push(resource);
    groups.set(resource.group, members);
  }
  return groups;
}
