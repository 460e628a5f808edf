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
  /**
   * The Pod Security review of every pod the chart renders: which namespace it lands in, the
   * level that namespace enforces, and the values that make the pod pass it. Required, so no
   * chart is added without that review; tests check the values really set what it names.
   */
  readonly podSecurity: readonly PodSecurityReview[];
  /** Namespaces besides `namespace` the chart writes into (a subchart's override). @default none */
  readonly additionalNamespaces?: readonly string[];
}

/** Pod Security Admission levels. https://kubernetes.io/docs/concepts/security/pod-security-admission/ */
export type PodSecurityLevel = 'restricted' | 'baseline' | 'privileged';

/** How one workload of a chart passes its namespace's Pod Security level. */
export interface PodSecurityReview {
  /** The workload, as the chart names it (e.g. `operator`, `node-exporter`). */
  readonly component: string;
  /** Namespace the workload's pods run in. */
  readonly namespace: string;
  /** The level that namespace enforces (apps/platform/namespaces.ts); `kube-system` is privileged. */
  readonly level: PodSecurityLevel;
  /** Dotted paths into the values holding a pod-level security context (`securityContext`). */
  readonly podSecurityContexts: readonly string[];
  /** Dotted paths into the values holding a container-level security context. */
  readonly containerSecurityContexts: readonly string[];
  /** Why these values are enough, or why the level is below restricted. */
  readonly why: string;
}

/** A pod-level security context as charts take it. */
export interface PodSecurityContextValues {
  readonly runAsNonRoot: boolean;
  readonly runAsUser?: number;
  readonly runAsGroup?: number;
  readonly fsGroup?: number;
  readonly seccompProfile: { readonly type: 'RuntimeDefault' };
}

/** A container-level security context as charts take it. */
export interface ContainerSecurityContextValues {
  readonly allowPrivilegeEscalation: false;
  readonly capabilities: { readonly drop: readonly ['ALL']; readonly add?: readonly string[] };
  readonly readOnlyRootFilesystem: boolean;
  readonly runAsNonRoot: boolean;
  readonly privileged?: false;
  readonly seccompProfile: { readonly type: 'RuntimeDefault' };
}

/**
 * The pod-level context Pod Security `restricted` asks for: non-root and the runtime's default
 * seccomp profile. https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export function restrictedPodSecurityContext(user?: number): PodSecurityContextValues {
  return {
    runAsNonRoot: true,
    ...(user !== undefined ? { runAsUser: user, runAsGroup: user, fsGroup: user } : {}),
    seccompProfile: { type: 'RuntimeDefault' },
  };
}

/** Requests and limits as Helm charts take them. */
export interface ContainerResources {
  readonly requests: { readonly cpu: string; readonly memory: string };
  readonly limits: { readonly cpu: string; readonly memory: string };
}

/** Drops every capability, no escalation, read-only root: the chart-level restricted container. */
export const RESTRICTED_CONTAINER_SECURITY_CONTEXT: ContainerSecurityContextValues = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ['ALL'] },
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  seccompProfile: { type: 'RuntimeDefault' },
};
