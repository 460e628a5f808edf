import { APP_NAMESPACE, IRSA_SERVICE_ACCOUNTS } from '../../environments';

/**
 * Cluster-wide names every chart agrees on. Namespaces of third-party releases follow their
 * charts' documented defaults so upstream runbooks apply unchanged.
 */
export const NAMESPACES = {
  app: APP_NAMESPACE,
  argocd: 'argocd',
  certManager: 'cert-manager',
  elasticSystem: 'elastic-system',
  externalSecrets: IRSA_SERVICE_ACCOUNTS.externalSecrets.namespace,
  ingress: IRSA_SERVICE_ACCOUNTS.loadBalancerController.namespace,
  kubeSystem: 'kube-system',
  logging: 'logging',
  /** Filebeat alone: it reads the nodes' log files, so it runs apart from the log store. */
  logShipper: 'log-shipper',
  monitoring: 'monitoring',
  /** node-exporter alone: it needs host access, so it runs apart from the rest of monitoring. */
  nodeExporter: 'node-exporter',
} as const;

/** Argo CD deploys to the cluster it runs in: one Argo CD per environment's cluster. */
export const IN_CLUSTER_SERVER = 'https://kubernetes.default.svc';

/** The default StorageClass: gp3 EBS volumes, encrypted at rest. */
export const ENCRYPTED_STORAGE_CLASS = 'encrypted-gp3';

/** The label the Grafana dashboard sidecar watches (kube-prometheus-stack's default). */
export const GRAFANA_DASHBOARD_LABEL = 'grafana_dashboard';

/** The ClusterSecretStore external-secrets reads AWS Secrets Manager through. */
export const AWS_SECRET_STORE = 'aws-secrets-manager';

/** The application ports, defined once in the model (the network ACLs derive from them too). */
export { BACKEND_PORT, FRONTEND_PORT, POSTGRES_PORT } from '../../environments/ports';
