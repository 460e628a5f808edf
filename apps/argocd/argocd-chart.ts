import type { IAppProject } from '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/AppProject';
import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import type { Environment } from '../../environments';
import { IN_CLUSTER_SERVER, NAMESPACES } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';
import type { HelmRelease } from '../lib/helm-release';
import type { KubeObject } from '../lib/manifest-files';
import { chartPath, REPOSITORY_URL } from '../lib/repository';
import { folderApplication, helmApplication, syncPolicy } from './application';
import { ArgoCdConfig } from './argocd-config';
import { SYNC_WAVES } from './sync-waves';

/** The project of the chart folders synced from this repository. */
export const REPOSITORY_PROJECT = 'ecolaura';
/**
 * The project of the root Application alone: it syncs the argocd folder (Applications,
 * AppProjects, the argocd-cm keys we own) into the argocd namespace and nothing else.
 */
export const GITOPS_PROJECT = 'ecolaura-gitops';
/** The project of third-party Helm releases, which come from their own chart repositories. */
export const ADDONS_PROJECT = 'ecolaura-addons';
/** The folder this chart writes, which the root Application syncs. */
export const ARGOCD_FOLDER = 'argocd';
/** The app of apps: applied once by hand, it creates every other Application. */
export const ROOT_APPLICATION = 'root';

/** A chart folder the argocd chart makes an Application for. */
export interface ChartFolder {
  readonly folder: string;
  readonly syncWave: number;
  /** The folder's synthesized objects: the project allows exactly their namespaces and kinds. */
  readonly objects: readonly KubeObject[];
  /** Deployments whose replicas an HPA owns. @default none */
  readonly hpaManagedDeployments?: readonly string[];
}

/** Props of {@link ArgoCdChart}. */
export interface ArgoCdChartProps {
  readonly env: Environment;
  readonly folders: readonly ChartFolder[];
  readonly releases: readonly HelmRelease[];
}

/**
 * Cluster-scoped kinds third-party charts install: their CRDs, RBAC, admission webhooks, and the
 * IngressClass with the IngressClassParams it points to (AWS Load Balancer Controller). Namespaces
 * are not among them: the platform chart creates those with labels.
 */
const ADDON_CLUSTER_KINDS = [
  { group: 'admissionregistration.k8s.io', kind: 'MutatingWebhookConfiguration' },
  { group: 'admissionregistration.k8s.io', kind: 'ValidatingWebhookConfiguration' },
  { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition' },
  { group: 'elbv2.k8s.aws', kind: 'IngressClassParams' },
  { group: 'networking.k8s.io', kind: 'IngressClass' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRole' },
  { group: 'rbac.authorization.k8s.io', kind: 'ClusterRoleBinding' },
];

/**
 * What the root Application may write into the argocd namespace, named kind by kind: without a
 * `namespaceResourceWhitelist` a project admits every namespaced kind, so a Secret or a
 * Deployment in this folder would land next to Argo CD itself.
 */
const GITOPS_NAMESPACED_KINDS = [
  { group: 'argoproj.io', kind: 'AppProject' },
  { group: 'argoproj.io', kind: 'Application' },
  // Only argocd-cm, whose health-check key this repository owns (argocd-config.ts).
  { group: '', kind: 'ConfigMap' },
];

/**
 * Argo CD's own kinds, refused to the Helm releases: a chart must not plant Applications or
 * projects, which would let it widen what Argo CD syncs.
 */
const ARGO_KINDS = [
  { group: 'argoproj.io', kind: 'AppProject' },
  { group: 'argoproj.io', kind: 'Application' },
  { group: 'argoproj.io', kind: 'ApplicationSet' },
];

type GroupKind = { group: string; kind: string };

const unique = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * The namespace a folder's Application names as its destination: the one its namespaced objects
 * share, or the app namespace when they span several or there are none (cluster-scoped objects).
 */
function homeNamespace(objects: readonly KubeObject[]): string {
  const namespaces = unique(objects.flatMap((o) => (o.metadata.namespace ? [o.metadata.namespace] : [])));
  return namespaces.length === 1 && namespaces[0] ? namespaces[0] : NAMESPACES.app;
}

/** The distinct group/kind pairs of some objects, sorted. */
function groupKinds(objects: readonly KubeObject[]): GroupKind[] {
  return unique(objects.map((o) => `${groupOf(o.apiVersion)}|${o.kind}`)).map((key) => {
    const [group = '', kind = ''] = key.split('|');
    return { group, kind };
  });
}

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : '');

/**
 * Argo CD's side of an environment: three AppProjects, the argocd-cm keys this repository owns,
 * the root Application (app of apps) and one child Application per chart folder and per Helm
 * release, ordered by sync waves. `ecolaura-gitops` (the root only) admits this repository, the
 * argocd namespace and there only Applications, AppProjects and argocd-cm; `ecolaura` admits
 * this repository and exactly the namespaces and kinds its folders contain (not argocd);
 * `ecolaura-addons` admits only the pinned chart repositories and the releases' namespaces.
 */
export class ArgoCdChart extends Chart {
  constructor(scope: Construct, id: string, props: ArgoCdChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const { env } = props;
    const objects = props.folders.flatMap((folder) => folder.objects);
    const namespaces = unique(
      objects.flatMap((object) => (object.metadata.namespace ? [object.metadata.namespace] : [])),
    );

    new ArgoCdConfig(this, 'argocd-cm');
    this.project(GITOPS_PROJECT, `Ecolaura ${env.name}: the root Application (Argo CD's own objects)`, {
      sourceRepos: [REPOSITORY_URL],
      namespaces: [NAMESPACES.argocd],
      clusterResourceWhitelist: [],
      namespaceResourceWhitelist: GITOPS_NAMESPACED_KINDS,
    });
    this.project(REPOSITORY_PROJECT, `Ecolaura ${env.name}: manifests synthesized into this repository`, {
      sourceRepos: [REPOSITORY_URL],
      namespaces,
      clusterResourceWhitelist: groupKinds(objects.filter((o) => !o.metadata.namespace)),
      namespaceResourceWhitelist: groupKinds(objects.filter((o) => o.metadata.namespace)),
    });
    this.project(ADDONS_PROJECT, `Ecolaura ${env.name}: pinned third-party Helm charts`, {
      sourceRepos: unique(props.releases.map((release) => release.chart.repoURL)),
      namespaces: unique(
        props.releases.flatMap((release) => [release.namespace, ...(release.additionalNamespaces ?? [])]),
      ),
      clusterResourceWhitelist: ADDON_CLUSTER_KINDS,
      // The charts render many namespaced kinds that only a cluster knows; refuse Argo CD's own.
      namespaceResourceBlacklist: ARGO_KINDS,
    });

    customResource(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: ROOT_APPLICATION, namespace: NAMESPACES.argocd },
      spec: {
        project: GITOPS_PROJECT,
        source: {
          repoURL: REPOSITORY_URL,
          targetRevision: env.gitops.targetRevision,
          path: chartPath(env.name, ARGOCD_FOLDER),
        },
        destination: { server: IN_CLUSTER_SERVER, namespace: NAMESPACES.argocd },
        syncPolicy: syncPolicy(env, false),
      },
    });

    for (const folder of props.folders) {
      folderApplication(this, {
        env,
        folder: folder.folder,
        project: REPOSITORY_PROJECT,
        syncWave: folder.syncWave,
        namespace: homeNamespace(folder.objects),
        hpaManagedDeployments: folder.hpaManagedDeployments,
      });
    }
    for (const release of props.releases) helmApplication(this, env, ADDONS_PROJECT, release);
  }

  private project(
    name: string,
    description: string,
    rules: {
      sourceRepos: string[];
      namespaces: string[];
      clusterResourceWhitelist: GroupKind[];
      namespaceResourceWhitelist?: GroupKind[];
      namespaceResourceBlacklist?: GroupKind[];
    },
  ): void {
    customResource<IAppProject>(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: {
        name,
        namespace: NAMESPACES.argocd,
        // Before the child Applications that name it (the root syncs this folder in waves).
        annotations: { 'argocd.argoproj.io/sync-wave': String(SYNC_WAVES.gitops) },
      },
      spec: {
        description,
        sourceRepos: rules.sourceRepos,
        destinations: rules.namespaces.map((namespace) => ({ server: IN_CLUSTER_SERVER, namespace })),
        clusterResourceWhitelist: rules.clusterResourceWhitelist,
        ...(rules.namespaceResourceWhitelist ? { namespaceResourceWhitelist: rules.namespaceResourceWhitelist } : {}),
        ...(rules.namespaceResourceBlacklist ? { namespaceResourceBlacklist: rules.namespaceResourceBlacklist } : {}),
      },
    });
  }
}
