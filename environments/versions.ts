/**
 * Every version the platform pins, in one place (STYLE.md §2). Raising one is a reviewed
 * change of this file followed by `npm run synth`.
 */
export const VERSIONS = {
  /**
   * Kubernetes minor of the EKS control plane, in EKS *standard* support: 1.34's standard support
   * ended on 2026-12-02, so 1.35 is the oldest minor a cluster may run this month. The dates live
   * in support-calendar.ts, which the gate (ECO-SUP-020) and `npm run lifecycle` judge this against.
   * https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
   * The manifests are still written with `cdk8s-plus-28`: every API it emits is GA and served by
   * 1.35 (validate:manifests checks them against the 1.35 list); moving to the cdk8s-plus line
   * matching the cluster is the next step. Everything that follows this value — the add-on table
   * below, the cluster-autoscaler image, the Pod Security `*-version` labels and the API list of
   * validate:manifests — is derived from it or checked against it.
   */
  kubernetes: '1.35',
  /** hashicorp/aws provider bound by `@cdktf/provider-aws` 20.1.0. */
  awsProvider: '5.100.0',
  /** Lowest Terraform CLI the synthesized JSON is validated with (S3 native locking needs 1.10). */
  terraform: '>= 1.10.0',
  /**
   * PostgreSQL engine, pinned to the MAJOR only. Of the two ways out of the plan-wants-to-downgrade
   * loop (issue 7 item 2) this is the one that keeps security patches flowing: RDS applies each
   * new minor in the maintenance window (auto minor version upgrade stays on) and the AWS provider
   * accepts a version prefix when auto minor upgrades are on, reporting the running minor in
   * `engine_version_actual`, so no plan ever asks to go back. Pinning a minor instead would need
   * auto minor upgrades off and a person raising the minor every quarter.
   * https://registry.terraform.io/providers/hashicorp/aws/5.100.0/docs/resources/db_instance#engine_version
   * Its end of RDS standard support is in support-calendar.ts (ECO-SUP-030 judges it).
   * https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html
   */
  postgres: '16',
  /** Parameter group family; `validate.ts` refuses one that does not name the engine's major. */
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
    /** 1.21 (July 2026) is supported until 1.23 ships; it supports Kubernetes 1.32-1.35. */
    certManager: { repoURL: 'https://charts.jetstack.io', chart: 'cert-manager', version: 'v1.21.0' },
    /**
     * external-secrets supports only its latest minor ("Supported Versions" in
     * docs/introduction/stability-support.md), and every release since 0.17 serves
     * `external-secrets.io/v1` instead of `v1beta1`, which is what every ExternalSecret and the
     * ClusterSecretStore here are written in (apps/lib/external-secrets-api.ts). 2.10.0 is the
     * newest release whose publication could be checked from this machine (released 2026-08-28,
     * tag helm-chart-2.10.0, seen through downstream upgrade pull requests, not the chart index).
     * The newest upstream source readable here is helm-chart-2.9.0: its values.yaml (the
     * `podSecurityContext` / `securityContext` keys of the controller, `webhook` and
     * `certController`; `installCRDs`; `serviceAccount`) and its CRDs (v1 served, v1beta1
     * `served: false`; Password generator `v1alpha1`) are what the typed values and manifests
     * follow; 2.10.0's own values.yaml was not read. Upstream's table names the Kubernetes minors
     * it tests each release on (2.8: 1.35-1.36, 2.9: 1.36 only); the chart requires >= 1.19, so
     * our 1.35 installs, but is no longer in the tested list. Minors ship every three to four
     * weeks, so a newer 2.x may exist by now: before the first apply, take the latest from
     * `helm search repo external-secrets/external-secrets --versions` and re-read its values.yaml.
     * https://github.com/external-secrets/external-secrets/blob/helm-chart-2.9.0/deploy/charts/external-secrets/values.yaml
     */
    externalSecrets: {
      repoURL: 'https://charts.external-secrets.io',
      chart: 'external-secrets',
      version: '2.10.0',
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
   * v1.35.1 is a published 1.35 patch (https://github.com/kubernetes/autoscaler/releases); the
   * scaling chart's test refuses a tag whose minor differs from `kubernetes`.
   */
  clusterAutoscalerImage: 'v1.35.1',
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
} as const;

/** The EKS add-ons every cluster runs, in the order a cluster needs them. */
export const EKS_ADDON_NAMES = ['vpc-cni', 'kube-proxy', 'coredns', 'aws-ebs-csi-driver', 'metrics-server'] as const;

export type EksAddonName = (typeof EKS_ADDON_NAMES)[number];

/**
 * Every EKS add-on version, pinned per Kubernetes minor. Left unpinned, EKS installs whatever it
 * calls the default on the day of the apply, so two applies of the same commit can differ, and
 * a control-plane upgrade leaves the add-ons where they were (EKS never upgrades them itself).
 * `validate.ts` refuses an `eks.version` without a row here, so raising `kubernetes` means
 * writing its row. Read the current versions with
 * `aws eks describe-addon-versions --kubernetes-version 1.35 --addon-name <name>`.
 *
 * The 1.35 row could not be read from the EKS API here (no AWS access); each value is one that
 * published configurations pin for 1.35 clusters. Confirm with the command above before the
 * first apply; an unknown version fails `CreateAddon` loudly, it never installs something else.
 * metrics-server is the EKS community add-on (without it no HPA ever scales).
 * https://docs.aws.amazon.com/eks/latest/userguide/community-addons.html
 */
export const EKS_ADDON_VERSIONS: Readonly<Record<string, Readonly<Record<EksAddonName, string>>>> = {
  '1.35': {
    'vpc-cni': 'v1.21.1-eksbuild.3',
    'kube-proxy': 'v1.35.0-eksbuild.2',
    coredns: 'v1.13.2-eksbuild.1',
    'aws-ebs-csi-driver': 'v1.57.1-eksbuild.1',
    'metrics-server': 'v0.8.1-eksbuild.1',
  },
};
