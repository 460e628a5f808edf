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

/** The project of everything synced from this repository. */
export const REPOSITORY_PROJECT = 'ecolaura';
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

const unique = (values: Iterable<string>) => [...new Set(values)].sort();

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : '');

/**
 * Argo CD's side of an environment: two AppProjects, the root Application (app of apps) and
 * one child Application per chart folder and per Helm release, ordered by sync waves.
 * The `ecolaura` project admits only this repository and only the namespaces and cluster-scoped
 * kinds its folders really contain; `ecolaura-addons` admits only the pinned chart repositories
 * and the releases' namespaces.
 */
export class ArgoCdChart extends Chart {
  constructor(scope: Construct, id: string, props: ArgoCdChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const { env } = props;
    const objects = props.folders.flatMap((folder) => folder.objects);
    const namespaces = unique([
      NAMESPACES.argocd,
      ...objects.flatMap((object) => (object.metadata.namespace ? [object.metadata.namespace] : [])),
    ]);
    const clusterKinds = unique(
      objects.filter((o) => !o.metadata.namespace).map((o) => `${groupOf(o.apiVersion)}|${o.kind}`),
    ).map((key) => {
      const [group = '', kind = ''] = key.split('|');
      return { group, kind };
    });

    this.project(
      REPOSITORY_PROJECT,
      `Ecolaura ${env.name}: manifests synthesized into this repository`,
      [REPOSITORY_URL],
      namespaces,
      clusterKinds,
    );
    this.project(
      ADDONS_PROJECT,
      `Ecolaura ${env.name}: pinned third-party Helm charts`,
      unique(props.releases.map((release) => release.chart.repoURL)),
      unique(props.releases.map((release) => release.namespace)),
      ADDON_CLUSTER_KINDS,
    );

    customResource(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: ROOT_APPLICATION, namespace: NAMESPACES.argocd },
      spec: {
        project: REPOSITORY_PROJECT,
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
        hpaManagedDeployments: folder.hpaManagedDeployments,
      });
    }
    for (const release of props.releases) helmApplication(this, env, ADDONS_PROJECT, release);
  }

  private project(
    name: string,
    description: string,
    sourceRepos: string[],
    namespaces: string[],
    clusterResourceWhitelist: { group: string; kind: string }[],
  ): void {
    customResource<IAppProject>(this, {
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'AppProject',
      metadata: { name, namespace: NAMESPACES.argocd },
      spec: {
        description,
        sourceRepos,
        destinations: namespaces.map((namespace) => ({ server: IN_CLUSTER_SERVER, namespace })),
        clusterResourceWhitelist,
      },
    });
  }
}
