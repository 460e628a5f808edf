import type { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import type { Environment, WorkloadSpec } from '../../environments';
import type { NamespaceFlows } from '../platform/network-flows';
import type { HelmRelease } from './helm-release';

/** A Deployment of an app whose replicas a HorizontalPodAutoscaler of the scaling chart owns. */
export interface HpaTarget {
  /** The Deployment's `metadata.name`, in the app namespace. */
  readonly deployment: string;
  /** Its sizes in the model: replicas bounds and CPU target. */
  readonly spec: WorkloadSpec;
}

/**
 * What an app's pods need on the network in one namespace, beyond DNS. Apps sharing a namespace
 * add up: flags are or-ed, ports joined, reasons joined with `; `.
 */
export type NamespaceNeeds = Partial<Omit<NamespaceFlows, 'reason'>> & {
  /** Why these flows exist; written into the namespace's NetworkPolicies. */
  readonly reason: string;
};

/** What every app's chart factory receives. */
export interface AppContext {
  readonly env: Environment;
  /** Every registered app, for the charts that read the others (Argo CD, scaling, platform). */
  readonly apps: readonly AppDescriptor[];
}

/** An app built after every app without `readsBuiltApps`, which may read their charts. */
export interface BuiltApp {
  readonly app: AppDescriptor;
  readonly chart: Chart;
}

/** The folder of `clusters/<env>/` an app writes and how Argo CD syncs it. */
export interface AppManifests {
  /** Argo CD sync wave of the folder's Application (apps/argocd/sync-waves.ts). */
  readonly syncWave: number;
  /** What the folder holds, one line for clusters/README.md. */
  readonly description: string;
  /**
   * The chart's objects are read by this app's chart (the secrets chart's store conditions
   * follow the ExternalSecrets other folders declare; the scaling chart targets their
   * Deployments): built after every app without it, with those apps' charts in `built`.
   * @default false
   */
  readonly readsBuiltApps?: boolean;
  /** Builds the chart into `scope`; `built` is empty unless `readsBuiltApps`. */
  readonly chart: (scope: Construct, id: string, context: AppContext, built: readonly BuiltApp[]) => Chart;
}

/**
 * One app of `apps/<folder>/`, exported as `app` from its `app.ts`: what the Argo CD chart, the
 * scaling chart, the NetworkPolicies and clusters/README.md need to know about it. Adding an app
 * is adding a folder with this file (apps/registry.ts finds it).
 */
export interface AppDescriptor {
  /** The folder under `apps/` and, when the app writes manifests, under `clusters/<env>/`. */
  readonly folder: string;
  /** The synthesized folder; an app made only of Helm releases (cert-manager) has none. @default none */
  readonly manifests?: AppManifests;
  /** Third-party Helm releases the app brings, each its own Argo CD Application. @default none */
  readonly helmReleases?: (env: Environment) => readonly HelmRelease[];
  /** Deployments an HPA sizes; Argo CD leaves their replicas to it. @default none */
  readonly hpaTargets?: (env: Environment) => readonly HpaTarget[];
  /** Network needs by namespace. @default none */
  readonly network?: (env: Environment) => Readonly<Record<string, NamespaceNeeds>>;
}
