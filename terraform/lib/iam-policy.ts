/**
 * IAM policy documents as JSON strings. The stack uses no data sources (the offline plan must
 * run without AWS), so documents are rendered here instead of by `aws_iam_policy_document`.
 * Values may hold CDKTF tokens; Terraform interpolates them inside the JSON string.
 */

export type PolicyPrincipal = { readonly Service: string } | { readonly AWS: string } | { readonly Federated: string };

export interface PolicyStatement {
  /** Statement id, CamelCase; says why the statement exists. */
  readonly Sid: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Principal?: PolicyPrincipal;
  readonly Action: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

/** Renders statements as a policy document (version 2012-10-17, the only current one). */
export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/**
 * Trust policy letting one AWS service assume a role. With `sourceAccount`, the service may
 * assume it only on that account's behalf (confused-deputy guard); pass it only for services
 * that send `aws:SourceAccount` (VPC Flow Logs does, EC2 and EKS do not).
 */
export function serviceTrustPolicy(service: string, sourceAccount?: string): string {
  return policyDocument([
    {
      Sid: 'AssumedByService',
      Effect: 'Allow',
      Principal: { Service: service },
      Action: 'sts:AssumeRole',
      ...(sourceAccount ? { Condition: { StringEquals: { 'aws:SourceAccount': sourceAccount } } } : {}),
    },
  ]);
}

/**
 * ARN of an AWS managed policy. EU regions all live in the `aws` partition, so the partition is
 * written out rather than read from a data source.
 */
export function awsManagedPolicyArn(name: string): string {
  return `arn:aws:iam::aws:policy/${name}`;
}
