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
    /** 1.21 (July 2026) is supported until 1.23 ships; it supports Kubernetes 1.32-1.35. */
    certManager: { repoURL: 'https://charts.jetstack.io', chart: 'cert-manager', version: 'v1.21.0' },
    /**
     * Still the 0.10 line: every 1.x/2.x release stops serving `external-secrets.io/v1beta1`,
     * which every ExternalSecret and the ClusterSecretStore here are written in and
     * `npm run validate:manifests` has schemas for. Moving to 2.x is one cross-cutting change
     * (apiVersion v1 everywhere + schemas), tracked apart; 0.10 is past upstream support.
     */
    externalSecrets: {
      repoURL: 'https://charts.external-secrets.io',
      chart: 'external-secrets',
      version: '0.10.4',
    },
    clusterAutoscaler: {
      repoURL: 'https://kubernetes.github.io/autoscaler',
      chart: 'cluster-autoscaler',
      // 9.54+ is the chart line of Cluster Autoscaler 1.35 (kubernetes/autoscaler#10097).
      version: '9.59.0',
    },
    kubePrometheusStack: {
      repoURL: 'https://prometheus-community.github.io/helm-charts',
      chart: 'kube-prometheus-stack',
      // prometheus-operator 0.93 line (September 2026); upstream supports only recent releases.
      version: '91.2.1',
    },
    /** ECK 3.5 (August 2026) runs Elastic Stack 9.x. */
    eckOperator: { repoURL: 'https://helm.elastic.co', chart: 'eck-operator', version: '3.5.0' },
  },
  /**
   * Cluster autoscaler image tag. Its minor must equal the Kubernetes minor above (the project
   * supports each release with one Kubernetes minor), so it is pinned apart from the chart.
   */
  clusterAutoscalerImage: 'v1.28.2',
  /**
   * Elasticsearch, Kibana, Logstash and Filebeat version run by the ECK operator: the 9.5 line
   * (August 2026), inside Elastic's 18-month maintenance window of a minor.
   */
  elasticStack: '9.5.2',
  /**
   * curl image of the jobs that call an HTTPS API: the log lifecycle policy (Elasticsearch) and
   * dev's off-hours scaling (Kubernetes). curl fixes security issues only in its latest release;
   * 8.21.0 (June 2026) is the newest image verified here.
   */
  curlImage: 'curlimages/curl:8.21.0',
} as const;
