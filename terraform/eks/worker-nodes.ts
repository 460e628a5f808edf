import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { Construct } from 'constructs';
import type { Environment } from '../../environments';
import { ServiceRole } from '../iam/service-role';
import { serviceTrustPolicy } from '../lib/iam-policy';
import { nameTag, resourceName } from '../lib/tags';
import { NodeGroup } from './node-group';

export interface WorkerNodesProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** ID of the environment VPC. */
  readonly vpcId: string;
  /** Name of the EKS cluster. */
  readonly clusterName: string;
  /** The security group EKS made for the cluster; nodes need it to talk to the control plane. */
  readonly clusterSecurityGroupId: string;
  /** Subnets the nodes run in: the private tier. */
  readonly subnetIds: readonly string[];
}

/** The node IAM role, the nodes' own security group and every node group of the model. */
export class WorkerNodes extends Construct {
  readonly role: ServiceRole;
  /**
   * Carried by every node and by nothing else, so other security groups (the database's) can
   * admit exactly the nodes. It has no rules of its own.
   */
  readonly securityGroup: SecurityGroup;
  readonly nodeGroups: readonly NodeGroup[];

  constructor(scope: Construct, id: string, props: WorkerNodesProps) {
    super(scope, id);
    const env = props.environment;
    this.role = new ServiceRole(this, 'role', {
      roleName: resourceName(env.name, 'eks-node'),
      description: `Instance role of the nodes of ${props.clusterName}`,
      assumeRolePolicy: serviceTrustPolicy('ec2.amazonaws.com'),
      // The minimum EKS documents for nodes. The CNI policy stays here because aws-node runs
      // before any IRSA role can be assumed. https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html
      managedPolicies: ['AmazonEKSWorkerNodePolicy', 'AmazonEC2ContainerRegistryReadOnly', 'AmazonEKS_CNI_Policy'],
    });
    this.securityGroup = new SecurityGroup(this, 'security-group', {
      name: resourceName(env.name, 'eks-nodes'),
      description: `Marks the nodes of ${props.clusterName}; admits nothing by itself`,
      vpcId: props.vpcId,
      tags: nameTag(env.name, 'eks-nodes'),
    });
    this.nodeGroups = env.eks.nodeGroups.map(
      (spec) =>
        new NodeGroup(this, spec.name, {
          environment: env,
          spec,
          clusterName: props.clusterName,
          nodeRoleArn: this.role.arn,
          subnetIds: props.subnetIds,
          // A launch template that names security groups replaces EKS's default, so the
          // cluster's own group is listed again beside the nodes' marker group.
          securityGroupIds: [props.clusterSecurityGroupId, this.securityGroup.id],
          dependsOn: this.role.grants,
        }),
    );
  }
}
