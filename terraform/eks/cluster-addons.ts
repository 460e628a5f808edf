import { EksAddon } from '@cdktf/provider-aws/lib/eks-addon';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { EKS_ADDON_NAMES, EKS_ADDON_VERSIONS, type EksAddonName } from '../../environments';

export interface ClusterAddonsProps {
  /** Name of the EKS cluster. */
  readonly clusterName: string;
  /** Kubernetes minor of the cluster; selects the row of `EKS_ADDON_VERSIONS`. */
  readonly kubernetesVersion: string;
  /** ARN of the EBS CSI driver's IRSA role. */
  readonly ebsCsiRoleArn: string;
  /** The node groups: coredns, the EBS CSI controller and metrics-server need nodes to run on. */
  readonly nodeGroups: readonly ITerraformDependable[];
}

/** The add-ons EKS manages for us, in the order a cluster needs them. */
export const ADDONS = EKS_ADDON_NAMES;

/**
 * EKS add-ons: vpc-cni, kube-proxy, coredns, the EBS CSI driver and metrics-server, each at the
 * version `EKS_ADDON_VERSIONS` pins for the cluster's Kubernetes minor. Without a pin EKS picks
 * its default of the day, which differs between applies and never moves on a control-plane
 * upgrade, so a version is always written down here.
 */
export class ClusterAddons extends Construct {
  readonly addons: Readonly<Record<EksAddonName, EksAddon>>;

  constructor(scope: Construct, id: string, props: ClusterAddonsProps) {
    super(scope, id);
    const versions = EKS_ADDON_VERSIONS[props.kubernetesVersion];
    if (!versions) {
      throw new Error(
        `ClusterAddons ${props.clusterName}: Kubernetes ${props.kubernetesVersion} has no add-on versions; add its row to EKS_ADDON_VERSIONS in environments/versions.ts`,
      );
    }
    const addon = (
      name: EksAddonName,
      extra: { serviceAccountRoleArn?: string; configuration?: Record<string, string>; needsNodes: boolean },
    ) =>
      new EksAddon(this, name, {
        clusterName: props.clusterName,
        addonName: name,
        addonVersion: versions[name],
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
      // The resource metrics API (metrics.k8s.io) the HorizontalPodAutoscalers read; EKS does not
      // install it. https://docs.aws.amazon.com/eks/latest/userguide/metrics-server.html
      'metrics-server': addon('metrics-server', { needsNodes: true }),
    };
  }
}
