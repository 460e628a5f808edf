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
  const syncOptions = ['PruneLast=true', 'ServerSideApply=true'];
  if (respectIgnoreDifferences) syncOptions.push('RespectIgnoreDifferences=true');
  return {
    ...(env.gitops.syncPolicy === 'automated' ? { automated: { prune: true, selfHeal: true } } : {}),
    syncOptions: syncOptions.sort(),
    retry: { limit: 5, backoff: { duration: '10s', factor: 2, maxDuration: '5m' } },
  };
}

/** Props of {@link folderApplication}. */
export interface FolderApplicationProps {
  readonly env: Environment;
  /** Folder under clusters/<env>/ and Application name. */
  readonly folder: string;
  readonly project: string;
  readonly syncWave: number;
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
    // Objects carry their own namespaces; this one only applies to objects that name none.
    destination: { server: IN_CLUSTER_SERVER, namespace: NAMESPACES.argocd },
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
