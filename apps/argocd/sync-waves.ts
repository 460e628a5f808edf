/**
 * Argo CD sync waves of the child Applications: lower waves are synced, and healthy, before
 * higher ones start. Operators (and the CRDs their charts install) come before their custom
 * resources, and workloads before the autoscalers that size them.
 * https://argo-cd.readthedocs.io/en/stable/user-guide/sync-waves/
 */
export const SYNC_WAVES = {
  /**
   * Inside the root Application: the AppProjects and the argocd-cm keys this repository owns,
   * before any child Application that names a project or whose health the waves wait on.
   */
  gitops: -4,
  /** Namespaces, StorageClass and NetworkPolicies every other Application lands in. */
  foundation: -3,
  /** Helm releases of operators and controllers, with their CRDs. */
  operators: -2,
  /**
   * Custom resources of those operators (ClusterSecretStore, generated logins), the AWS Load
   * Balancer Controller (needs cert-manager) and kube-prometheus-stack (needs Grafana's login).
   */
  operatorConfig: -1,
  /** Monitoring and logging custom resources. */
  services: 0,
  /** The shop itself. */
  applications: 1,
  /** Autoscalers of the shop's Deployments. */
  scaling: 2,
} as const;
