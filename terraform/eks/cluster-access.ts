import { EksAccessEntry } from '@cdktf/provider-aws/lib/eks-access-entry';
import { EksAccessPolicyAssociation } from '@cdktf/provider-aws/lib/eks-access-policy-association';
import { Construct } from 'constructs';
import type { Environment } from '../../environments';

export interface ClusterAccessProps {
  /** The validated environment: its `eks.access` names the roles. */
  readonly environment: Environment;
  /** Name of the EKS cluster (a reference, so the entries wait for the cluster). */
  readonly clusterName: string;
}

/** The EKS cluster access policy a role gets, by name. */
export type ClusterAccessPolicy = 'AmazonEKSClusterAdminPolicy' | 'AmazonEKSAdminPolicy' | 'AmazonEKSViewPolicy';

/** ARN of an EKS cluster access policy (they live in the `aws` account, without a region). */
export function clusterAccessPolicyArn(policy: ClusterAccessPolicy): string {
  return `arn:aws:eks::aws:cluster-access-policy/${policy}`;
}

/**
 * Which role of the model gets which policy, over the whole cluster. Both are administrators:
 * the admin role bootstraps Argo CD (CRDs, cluster roles) and operates the platform; the
 * break-glass role is the same power kept apart, so its use is rare and stands out in CloudTrail.
 */
export function accessGrants(
  env: Environment,
): readonly { id: string; principalArn: string; policy: ClusterAccessPolicy }[] {
  return [
    { id: 'admin', principalArn: env.eks.access.adminRoleArn, policy: 'AmazonEKSClusterAdminPolicy' },
    { id: 'break-glass', principalArn: env.eks.access.breakGlassRoleArn, policy: 'AmazonEKSClusterAdminPolicy' },
  ];
}

/**
 * EKS access entries for the people's roles of the model, each with its cluster access policy.
 * The cluster authenticates through the EKS API only (`authentication_mode = "API"`), so these
 * entries are the whole list of who may call the Kubernetes API besides the nodes.
 * https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html
 */
export class ClusterAccess extends Construct {
  readonly entries: readonly EksAccessEntry[];

  constructor(scope: Construct, id: string, props: ClusterAccessProps) {
    super(scope, id);
    this.entries = accessGrants(props.environment).map((grant) => {
      const entry = new EksAccessEntry(this, `${grant.id}-entry`, {
        clusterName: props.clusterName,
        principalArn: grant.principalArn,
        type: 'STANDARD',
      });
      new EksAccessPolicyAssociation(this, `${grant.id}-policy`, {
        clusterName: props.clusterName,
        principalArn: entry.principalArn,
        policyArn: clusterAccessPolicyArn(grant.policy),
        accessScope: { type: 'cluster' },
      });
      return entry;
    });
  }
}
