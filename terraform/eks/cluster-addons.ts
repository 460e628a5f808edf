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
    const addon = (
      name: (typeof ADDONS)[number],
      extra: { serviceAccountRoleArn?: string; configuration?: Record<string, string>; needsNodes: boolean },
    ) =>
      new EksAddon(this, name, {
        clusterName: props.clusterName,
        addonName: name,
        ...(extra.serviceAccountRoleArn ? { serviceAccountRoleArn: extra.serviceAccountRoleArn } : {}),
        ...(extra.configuration ? { configurationValues: JSON.stringify(extra.configuration) } : {}),
        // Declared state wins: what Git says is what runs.
        resolveConflictsOnCreate: 'OVERWRITE',
        resolveConflictsOnUpdate: 'OVERWRITE',
        ...(extra.needsNodes ? { dependsOn: [...props.nodeGroups] } : {}),
      });
    this.addons = {
      // Without the network policy agent EKS accepts NetworkPolicies but enforces none, and
      // clusters/<env>/platform relies on them (default deny plus exact allows).
      // https://docs.aws.amazon.com/eks/latest/userguide/cni-network-policy-configure.html
      'vpc-cni': addon('vpc-cni', { configuration: { enableNetworkPolicy: 'true' }, needsNodes: false }),
      'kube-proxy': addon('kube-proxy', { needsNodes: false }),
      coredns: addon('coredns', { needsNodes: true }),
      'aws-ebs-csi-driver': addon('aws-ebs-csi-driver', {
        serviceAccountRoleArn: props.ebsCsiRoleArn,
        needsNodes: true,
      }),
    };
  }
}
