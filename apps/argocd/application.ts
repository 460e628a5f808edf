import type { IApplication } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application';
import type { Construct } from 'constructs';
import type { Environment } from '../../environments';
import { IN_CLUSTER_SERVER, NAMESPACES } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';
import type { HelmRelease } from '../lib/helm-release';
import { chartPath, REPOSITORY_URL } from '../lib/repository';

type ApplicationSpec = NonNullable<IApplication['spec']>;
type SyncPolicy = NonNullable<ApplicationSpec['syncPolicy']>;
type IgnoreDifference = NonNullable<ApplicationSpec['ignoreDifferences']>[number];

/** Argo CD deletes an Application's resources when the Application itself is deleted. */
const RESOURCES_FINALIZER = 'resources-finalizer.argocd.argoproj.io';

/**
 * The sync policy of every Application of an environment, from the model: automated with prune
 * and self-heal (dev, staging), or manual (prod: a person presses Sync). Server-side apply lets
 * large CRDs through and shares fields with controllers; `RespectIgnoreDifferences` keeps
 * ignored fields (HPA-managed replicas) out of the sync as well as out of the diff.
 * https://argo-cd.readthedocs.io/en/stable/user-guide/sync-options/
 */
export function syncPolicy(env: Environment, respectIgnoreDifferences: boolean): SyncPolicy {
  // SkipDryRunOnMissingResource: a custom resource whose CRD is not installed yet (the operator's
  // Application is still syncing) is applied once the CRD exists instead of failing the dry run.
  const syncOptions = ['PruneLast=true', 'ServerSideApply=true', 'SkipDryRunOnMissingResource=true'];
  if (respectIgnoreDifferences) syncOptions.push('RespectIgnoreDifferences=true');
  return {
    ...(env.gitops.syncPolicy === 'automated' ? { automated: { prune: true, selfHeal: true } } : {}),
    syncOptions: syncOptions.sort(),
    retry: SYNC_RETRY,
  };
}

/**
 * Retries of a failed sync, sized for a cold cluster: CRDs arrive with their operators' charts,
 * admission webhooks answer only once their pods run (which may wait for a node the autoscaler
 * adds, 3–5 minutes), cert-manager issues the webhooks' certificates, and ECK brings Elasticsearch
 * up (5–10 minutes). 15 s doubling to a 5-minute ceiling over 10 attempts spans about 33 minutes
 * (15+30+60+120+240+5×300 s), long enough for that chain; the old 5 attempts from 10 s gave up
 * after about 5 minutes, leaving the Application failed until someone synced by hand.
 * https://argo-cd.readthedocs.io/en/stable/user-guide/auto_sync/#automatic-retry
 */
export const SYNC_RETRY = { limit: 10, backoff: { duration: '15s', factor: 2, maxDuration: '5m' } } as const;

/** Seconds a retry policy keeps trying before it gives up: the sum of its backoff waits. */
export function retryWindowSeconds(retry: {
  readonly limit: number;
  readonly backoff: { readonly duration: string; readonly factor: number; readonly maxDuration: string };
}): number {
  const seconds = (text: string): number => {
    const match = /^(\d+)(s|m|h)$/.exec(text);
    if (!match) throw new Error(`retry backoff duration "${text}" is not a whole number of s, m or h`);
    return Number(match[1]) * { s: 1, m: 60, h: 3600 }[match[2] as 's' | 'm' | 'h'];
  };
  const ceiling = seconds(retry.backoff.maxDuration);
  let wait = seconds(retry.backoff.duration);
  let total = 0;
  for (let attempt = 0; attempt < retry.limit; attempt++) {
    total += Math.min(wait, ceiling);
    wait *= retry.backoff.factor;
  }
  return total;
}

/** Props of {@link folderApplication}. */
export interface FolderApplicationProps {
  readonly env: Environment;
  /** Folder under clusters/<env>/ and Application name. */
  readonly folder: string;
  readonly project: string;
  readonly syncWave: number;
  /**
   * Destination namespace: it applies only to namespaced objects that name none (the charts name
   * theirs), but the project must admit it, and the argocd namespace is the root's alone.
   * @default the app namespace
   */
  readonly namespace?: string;
  /** Deployments (in the app namespace) whose replicas an HPA owns. @default none */
  readonly hpaManagedDeployments?: readonly string[];
}

function application(scope: Construct, name: string, syncWave: number, spec: ApplicationSpec): void {
  customResource<IApplication>(scope, {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: {
      name,
      namespace: NAMESPACES.argocd,
      annotations: { 'argocd.argoproj.io/sync-wave': String(syncWave) },
      finalizers: [RESOURCES_FINALIZER],
    },
    spec,
  });
}

/** An Application that syncs one chart folder of this repository. */
export function folderApplication(scope: Construct, props: FolderApplicationProps): void {
  const ignoreDifferences: IgnoreDifference[] = (props.hpaManagedDeployments ?? []).map((name) => ({
    group: 'apps',
    kind: 'Deployment',
    name,
    namespace: NAMESPACES.app,
    jsonPointers: ['/spec/replicas'],
  }));
  application(scope, props.folder, props.syncWave, {
    project: props.project,
    source: {
      repoURL: REPOSITORY_URL,
      targetRevision: props.env.gitops.targetRevision,
      path: chartPath(props.env.name, props.folder),
    },
    destination: { server: IN_CLUSTER_SERVER, namespace: props.namespace ?? NAMESPACES.app },
    syncPolicy: syncPolicy(props.env, ignoreDifferences.length > 0),
    ...(ignoreDifferences.length > 0 ? { ignoreDifferences } : {}),
  });
}

/**
 * Fields of a chart's cluster-scoped objects that a controller fills in after install: the CA
 * bundle of admission webhooks and CRD conversion webhooks (cert-manager's cainjector, the
 * operators' own cert controllers, the charts' patch jobs). Left to them, or Argo CD would
 * reset them to the chart's empty value on every sync.
 */
const CONTROLLER_OWNED_CA_BUNDLES: IgnoreDifference[] = [
  {
    group: 'admissionregistration.k8s.io',
    kind: 'MutatingWebhookConfiguration',
    jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
  },
  {
    group: 'admissionregistration.k8s.io',
    kind: 'ValidatingWebhookConfiguration',
    jqPathExpressions: ['.webhooks[]?.clientConfig.caBundle'],
  },
  {
    group: 'apiextensions.k8s.io',
    kind: 'CustomResourceDefinition',
    jqPathExpressions: ['.spec.conversion.webhook.clientConfig.caBundle'],
  },
];

/** An Application that installs a pinned Helm chart with the release's typed values. */
export function helmApplication(scope: Construct, env: Environment, project: string, release: HelmRelease): void {
  application(scope, release.name, release.syncWave, {
    project,
    source: {
      repoURL: release.chart.repoURL,
      chart: release.chart.chart,
      targetRevision: release.chart.version,
      helm: { releaseName: release.name, valuesObject: release.values as Record<string, unknown> },
    },
    destination: { server: IN_CLUSTER_SERVER, namespace: release.namespace },
    syncPolicy: syncPolicy(env, true),
    ignoreDifferences: CONTROLLER_OWNED_CA_BUNDLES,
  });
}
