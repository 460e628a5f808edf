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
} as const;
