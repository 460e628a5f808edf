/** A pinned Helm chart: where it comes from and which version. */
export interface HelmChartRef {
  /** Chart repository, https only. */
  readonly repoURL: string;
  /** Chart name inside the repository. */
  readonly chart: string;
  /** Exact chart version; never a range. */
  readonly version: string;
}

/**
 * A third-party Helm release that Argo CD installs from its chart repository. Each domain
 * folder describes its own releases with typed values; the argocd chart turns them into
 * Applications.
 */
export interface HelmRelease<Values extends object = object> {
  /** Release and Application name, e.g. `aws-load-balancer-controller`. */
  readonly name: string;
  /** Namespace the release is installed into; created by the platform chart. */
  readonly namespace: string;
  /** The pinned chart. */
  readonly chart: HelmChartRef;
  /** Helm values, typed by the release's own interface. */
  readonly values: Values;
  /** Argo CD sync wave of the Application (see apps/argocd/sync-waves.ts). */
  readonly syncWave: number;
}

/** Requests and limits as Helm charts take them. */
export interface ContainerResources {
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits: { readonly cpu: string; readonly memory: string };
}

/** Drops every capability, no escalation, read-only root: the chart-level restricted container. */
export const RESTRICTED_CONTAINER_SECURITY_CONTEXT = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
} as const;
