import type { Environment, EnvironmentName } from './model';

/**
 * Names that cross from AWS to Kubernetes, derived from the model alone so that nothing on the
 * Kubernetes side reads Terraform state (DESIGN.md). Both synths call these; never spell the
 * names out by hand.
 */

export const PROJECT = 'ecolaura';

/** Namespace the shop's own workloads run in. */
export const APP_NAMESPACE = 'ecolaura';

/** EKS cluster name, e.g. `ecolaura-prod`. */
export function clusterName(env: EnvironmentName): string {
  return `${PROJECT}-${env}`;
}

/** The Kubernetes service accounts that assume an IAM role through IRSA. */
export const IRSA_SERVICE_ACCOUNTS = {
  backend: { namespace: APP_NAMESPACE, serviceAccount: 'backend' },
  ebsCsi: { namespace: 'kube-system', serviceAccount: 'ebs-csi-controller-sa' },
  externalSecrets: { namespace: 'external-secrets', serviceAccount: 'external-secrets' },
  clusterAutoscaler: { namespace: 'kube-system', serviceAccount: 'cluster-autoscaler' },
  loadBalancerController: {
    namespace: 'aws-load-balancer-controller',
    serviceAccount: 'aws-load-balancer-controller',
  },
} as const;

export type IrsaRole = keyof typeof IRSA_SERVICE_ACCOUNTS;

const IRSA_ROLE_SUFFIX: Record<IrsaRole, string> = {
  backend: 'backend',
  ebsCsi: 'ebs-csi-driver',
  externalSecrets: 'external-secrets',
  clusterAutoscaler: 'cluster-autoscaler',
  loadBalancerController: 'aws-load-balancer-controller',
};

/** IAM role name for a service account, e.g. `ecolaura-prod-irsa-backend`. */
export function irsaRoleName(env: EnvironmentName, role: IrsaRole): string {
  return `${clusterName(env)}-irsa-${IRSA_ROLE_SUFFIX[role]}`;
}

/** Full role ARN, as the `eks.amazonaws.com/role-arn` annotation needs it. */
export function irsaRoleArn(env: Environment, role: IrsaRole): string {
  return `arn:aws:iam::${env.accountId}:role/${irsaRoleName(env.name, role)}`;
}

/**
 * `Name` tag of the environment's VPC, which Terraform sets (terraform/lib/tags.ts) and the AWS
 * Load Balancer Controller looks the VPC up by, since the VPC id is random.
 */
export function vpcName(env: EnvironmentName): string {
  return `${clusterName(env)}-vpc`;
}

/** RDS instance identifier, e.g. `ecolaura-prod-postgres`. */
export function databaseIdentifier(env: EnvironmentName): string {
  return `${clusterName(env)}-postgres`;
}

/** RDS instance ARN; RDS tags its managed master secret with it (`aws:rds:primaryDBInstanceArn`). */
export function databaseArn(env: Environment): string {
  return `arn:aws:rds:${env.region}:${env.accountId}:db:${databaseIdentifier(env.name)}`;
}

/**
 * Secrets Manager secret holding the database's host, port, name and user (no password).
 * RDS gives its endpoint and its managed password secret generated names, so Terraform
 * publishes the endpoint under this fixed name for external-secrets to read.
 */
export function databaseConnectionSecretName(env: EnvironmentName): string {
  return `${PROJECT}/${env}/database/connection`;
}

/**
 * Secrets Manager secret holding Alertmanager's receiver endpoint (`{"url": "https://…"}`), put
 * there by a person. Under `ecolaura/<env>/`, which the external-secrets IRSA role may read.
 */
export function alertReceiverSecretName(env: EnvironmentName): string {
  return `${PROJECT}/${env}/alertmanager/receiver`;
}

/** S3 bucket and key of the environment's Terraform state. */
export function stateBackend(env: Environment): { bucket: string; key: string } {
  return { bucket: `${PROJECT}-terraform-state-${env.accountId}`, key: `${env.name}/platform.tfstate` };
}

/**
 * Name of the per-account bootstrap stack that creates the state bucket, e.g. `bootstrap-prod`
 * (each environment has its own account). Not an environment name, so tools that read the
 * environment from a `stacks/<env>/` folder name see none here and fall back to the
 * `environment` default tag.
 */
export function bootstrapStackName(env: EnvironmentName): `bootstrap-${EnvironmentName}` {
  return `bootstrap-${env}`;
}

/** Alias of the customer-managed key encrypting an account's Terraform state. */
export function stateKmsKeyAlias(env: EnvironmentName): string {
  return `alias/${clusterName(env)}-terraform-state`;
}

/** The state key's alias ARN, as the platform stacks' S3 backend names it (`kms_key_id`). */
export function stateKmsKeyAliasArn(env: Environment): string {
  return `arn:aws:kms:${env.region}:${env.accountId}:${stateKmsKeyAlias(env.name)}`;
}

/**
 * Name of the environment's CDKTF stack. It is the environment's own name, so the committed
 * output reads `terraform/cdktf.out/stacks/<env>/cdk.tf.json`.
 */
export function stackName(env: EnvironmentName): EnvironmentName {
  return env;
}

/**
 * Alias of the KMS key that encrypts the cluster's EBS volumes (node roots and the volumes the
 * EBS CSI driver provisions). Key ids are random, so the Kubernetes side names the key by this
 * alias, which Terraform creates with the key; EC2 accepts an alias ARN wherever it takes a key.
 */
export function ebsKmsKeyAlias(env: EnvironmentName): string {
  return `alias/${clusterName(env)}-ebs`;
}

/** The EBS key's alias ARN, as the encrypted StorageClass's `kmsKeyId` parameter takes it. */
export function ebsKmsKeyAliasArn(env: Environment): string {
  return `arn:aws:kms:${env.region}:${env.accountId}:${ebsKmsKeyAlias(env.name)}`;
}

/**
 * The label that marks an Ingress (and its Service and pods) as an administration UI: Grafana,
 * Kibana, Argo CD, Prometheus, Alertmanager. The gate's ECO-TLS-010 refuses an Ingress so labelled
 * unless its load balancer is internal. A label rather than name matching: a renamed or new
 * admin UI keeps its protection as long as it is declared one here, and a shop page that happens
 * to be called "grafana-…" is not mistaken for one.
 * policies/https/admin_ui_internal/policy.rego spells the same key.
 */
export const ADMIN_UI_LABEL = 'ecolaura.io/admin-ui';

/**
 * IngressGroups of the AWS Load Balancer Controller: every Ingress of a group shares one ALB.
 * `public` is internet-facing (the shop), `internal` is reachable only inside the VPC (admin UIs).
 */
export function albGroupName(env: EnvironmentName, exposure: 'public' | 'internal'): string {
  return `${clusterName(env)}-${exposure}`;
}
