/**
 * Every version the platform pins, in one place (STYLE.md §2). Raising one is a reviewed
 * change of this file followed by `npm run synth`.
 */
export const VERSIONS = {
  /**
   * Kubernetes minor of the EKS control plane. It matches the `cdk8s-plus-28` API level the
   * manifests are written against, so schemas and cluster agree.
   */
  kubernetes: '1.28',
  /** hashicorp/aws provider bound by `@cdktf/provider-aws` 20.1.0. */
  awsProvider: '5.100.0',
  /** Lowest Terraform CLI the synthesized JSON is validated with (S3 native locking needs 1.10). */
  terraform: '>= 1.10.0',
  /** PostgreSQL engine; the parameter group family must follow its major version. */
  postgres: '16.4',
  postgresFamily: 'postgres16',
  /**
   * Helm charts Argo CD installs, each from its project's own https chart repository. Raising a
   * version is a reviewed change here; `npm run synth` writes it into clusters/<env>/argocd.
   */
  helmCharts: {
    ingressNginx: { repoURL: 'https://kubernetes.github.io/ingress-nginx', chart: 'ingress-nginx', version: '4.11.3' },
    certManager: { repoURL: 'https://charts.jetstack.io', chart: 'cert-manager', version: 'v1.16.1' },
    externalSecrets: {
      repoURL: 'https://charts.external-secrets.io',
      chart: 'external-secrets',
      version: '0.10.4',
    },
    clusterAutoscaler: {
      repoURL: 'https://kubernetes.github.io/autoscaler',
      chart: 'cluster-autoscaler',
      version: '9.43.2',
    },
    kubePrometheusStack: {
      repoURL: 'https://prometheus-community.github.io/helm-charts',
      chart: 'kube-prometheus-stack',
      version: '65.1.1',
    },
    eckOperator: { repoURL: 'https://helm.elastic.co', chart: 'eck-operator', version: '2.14.0' },
  },
  /**
   * Cluster autoscaler image tag. Its minor must equal the Kubernetes minor above (the project
   * supports each release with one Kubernetes minor), so it is pinned apart from the chart.
   */
  clusterAutoscalerImage: 'v1.28.2',
  /** Elasticsearch, Kibana, Logstash and Filebeat version run by the ECK operator. */
  elasticStack: '8.15.3',
  /**
   * Certificate authority of the RDS instance's server certificate, set explicitly so the CA the
   * backend trusts (apps/backend/rds-ca-bundle.ts) cannot drift from the one RDS presents.
   * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.SSL.html
   */
  rdsCertificateAuthority: 'rds-ca-rsa2048-g1',
  /**
   * AWS CLI image of the backend's token sidecar (`aws rds generate-db-auth-token`). Published by
   * AWS for every CLI release; 2.32.2 is from November 2025 (not re-verified against the
   * registry from this machine).
   */
  awsCliImage: 'public.ecr.aws/aws-cli/aws-cli:2.32.2',
  /**
   * psql of the Job that creates the backend's database role; PostgreSQL 17's client speaks
   * to the 16 and 17 servers alike (PostgreSQL 17 is supported until November 2029).
   */
  psqlImage: 'postgres:17.7-alpine',
  /** curl image of the job that installs the log lifecycle policy into Elasticsearch. */
  curlImage: 'curlimages/curl:8.10.1',
} as const;
