import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';

export interface ClusterAddonsProps {
  /** Name of the EKS cluster. */
  readonly clusterName: string;
  /** ARN of the EBS CSI driver's IRSA role. */
  readonly ebsCsiRoleArn: string;
  /** The node groups: coredns and the EBS CSI controller need nodes to run on. */
  readonly nodeGroups: readonly ITerraformDependable[];
}

/** The add-ons EKS manages for us, in the order a cluster needs them. */
export const ADDONS = ['vpc-cni', 'kube-proxy', 'coredns', 'aws-ebs-csi-driver'] as const;

/**
 * EKS add-ons: vpc-cni, kube-proxy, coredns and the EBS CSI driver. No `addon_version` is
 * pinned: EKS installs the default version for the cluster's Kubernetes minor, which moves
 * only when `VERSIONS.kubernetes` does.
 */
export class ClusterAddons extends Construct {
  readonly addons: Readonly<Record<(typeof ADDONS)[number], EksAddon>>;

  constructor(scope: Construct, id: string, props: ClusterAddonsProps) {
    super(scope, id);
    const addon = (name: (typeof ADDONS)[number], extra: { serviceAccountRoleArn?: string; needsNodes: boolean }) =>
      new EksAddon(this, name, {
        clusterName: props.clusterName,
        addonName: name,
        ...(extra.serviceAccountRoleArn ? { serviceAccountRoleArn: extra.serviceAccountRoleArn } : {}),
        // Declared state wins: what Git says is what runs.
        resolveConflictsOnCreate: 'OVERWRITE',
        resolveConflictsOnUpdate: 'OVERWRITE',
        ...(extra.needsNodes ? { dependsOn: [...props.nodeGroups] } : {}),
      });
    this.addons = {
      'vpc-cni': addon('vpc-cni', { needsNodes: false }),
      'kube-proxy': addon('kube-proxy', { needsNodes: false }),
      coredns: addon('coredns', { needsNodes: true }),
      'aws-ebs-csi-driver': addon('aws-ebs-csi-driver', {
        serviceAccountRoleArn: props.ebsCsiRoleArn,
        needsNodes: true,
      }),
    };
  }
}
