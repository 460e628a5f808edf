import { EksNodeGroup } from '@cdktf/provider-aws/lib/eks-node-group';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { DATA_PROFILES, type Environment, type NodeGroupSpec } from '../../environments';
import { dataTags, nameTag, resourceName } from '../lib/tags';

export interface NodeGroupProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** The node group as the model declares it. */
  readonly spec: NodeGroupSpec;
  /** Name of the EKS cluster. */
  readonly clusterName: string;
  /** ARN of the IAM role the nodes run with. */
  readonly nodeRoleArn: string;
  /** Subnets the nodes run in: the private tier. */
  readonly subnetIds: readonly string[];
  /** Security groups of the nodes' network interfaces. */
  readonly securityGroupIds: readonly string[];
  /**
   * What must exist before the nodes start: the node role's policies, or nodes fail to join.
   * @default - none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/**
 * Amazon Linux 2023 for arm64: the EKS-optimized image for Graviton, which does more work per
 * watt than x86. Must match the Graviton instance types the model validates.
 */
export const NODE_AMI_TYPE = 'AL2023_ARM_64_STANDARD';

/** Root device of the EKS-optimized Amazon Linux 2023 images. */
const ROOT_DEVICE = '/dev/xvda';

/**
 * A managed node group in the private subnets, launched from a template that requires IMDSv2
 * and encrypts the root volume.
 */
export class NodeGroup extends Construct {
  readonly launchTemplate: LaunchTemplate;
  readonly nodeGroup: EksNodeGroup;

  constructor(scope: Construct, id: string, props: NodeGroupProps) {
    super(scope, id);
    const { environment: env, spec } = props;
    const name = resourceName(env.name, `${spec.name}-nodes`);

    this.launchTemplate = new LaunchTemplate(this, 'launch-template', {
      // A prefix, not a name: create-before-destroy on the node group propagates to the template
      // when both are replaced, and two templates cannot share one name.
      namePrefix: `${name}-`,
      description: `Nodes of group ${spec.name} in ${props.clusterName}`,
      updateDefaultVersion: true,
      vpcSecurityGroupIds: [...props.securityGroupIds],
      metadataOptions: {
        httpEndpoint: 'enabled',
        // IMDSv2 only: session tokens defeat SSRF-style credential theft.
        httpTokens: 'required',
        // One hop keeps pods (one hop further away) from the node role's credentials; they use
        // their own IRSA roles instead. https://aws.github.io/aws-eks-best-practices/security/docs/iam/#restrict-access-to-the-instance-profile-assigned-to-the-worker-node
        httpPutResponseHopLimit: 1,
      },
      blockDeviceMappings: [
        {
          deviceName: ROOT_DEVICE,
          ebs: {
            volumeSize: spec.diskSizeGiB,
            volumeType: 'gp3',
            encrypted: 'true',
            deleteOnTermination: 'true',
          },
        },
      ],
      tagSpecifications: [
        { resourceType: 'instance', tags: nameTag(env.name, `${spec.name}-node`) },
        // Root volumes hold container logs and images until the node goes away.
        {
          resourceType: 'volume',
          tags: dataTags(DATA_PROFILES.operationalLogs, nameTag(env.name, `${spec.name}-node`)),
        },
      ],
      tags: nameTag(env.name, `${spec.name}-nodes`),
    });

    this.nodeGroup = new EksNodeGroup(this, 'node-group', {
      clusterName: props.clusterName,
      // Instance types, AMI type, disk and subnets cannot change in place: EKS replaces the group.
      // With a fixed name the old group had to go before the new one could take its name, so a
      // changed instance type left the cluster without nodes. A prefix lets both exist at once
      // and create-before-destroy drains the old group only after the new one is ACTIVE.
      nodeGroupNamePrefix: `${spec.name}-`,
      nodeRoleArn: props.nodeRoleArn,
      subnetIds: [...props.subnetIds],
      amiType: NODE_AMI_TYPE,
      capacityType: 'ON_DEMAND',
      instanceTypes: [...spec.instanceTypes],
      scalingConfig: { minSize: spec.minSize, desiredSize: spec.desiredSize, maxSize: spec.maxSize },
      updateConfig: { maxUnavailable: 1 },
      launchTemplate: { id: this.launchTemplate.id, version: this.launchTemplate.latestVersion.toString() },
      labels: { 'ecolaura.io/node-group': spec.name },
      tags: nameTag(env.name, `${spec.name}-nodes`),
      // The cluster autoscaler moves the desired size; an apply must not move it back.
      lifecycle: { createBeforeDestroy: true, ignoreChanges: ['scaling_config[0].desired_size'] },
      dependsOn: [...(props.dependsOn ?? [])],
    });
  }
}
