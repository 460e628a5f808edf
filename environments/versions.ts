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
    /**
     * AWS Load Balancer Controller (chart and controller v3.5.0, August 2026; the project supports
     * its latest release). It replaces ingress-nginx, retired upstream in March 2026. Values read
     * at this version: https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/v3.5.0/helm/aws-load-balancer-controller/values.yaml
     * The chart is published in the eks-charts repository below; that the index there lists
     * 3.5.0 could not be checked offline (the tag and Chart.yaml could).
     */
    awsLoadBalancerController: {
      repoURL: 'https://aws.github.io/eks-charts',
      chart: 'aws-load-balancer-controller',
      version: '3.5.0',
    },
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
  /** curl image of the job that installs the log lifecycle policy into Elasticsearch. */
  curlImage: 'curlimages/curl:8.10.1',
} as const;
