import { IamInstanceProfile } from '@cdktf/provider-aws/lib/iam-instance-profile';
import { Instance } from '@cdktf/provider-aws/lib/instance';
import { LaunchTemplate } from '@cdktf/provider-aws/lib/launch-template';
import { SecurityGroup } from '@cdktf/provider-aws/lib/security-group';
import { VpcSecurityGroupEgressRule } from '@cdktf/provider-aws/lib/vpc-security-group-egress-rule';
import { VpcSecurityGroupIngressRule } from '@cdktf/provider-aws/lib/vpc-security-group-ingress-rule';
import { Construct } from 'constructs';
import { clusterName, type Environment } from '../../environments';
import { ServiceRole } from '../iam/service-role';
import { serviceTrustPolicy } from '../lib/iam-policy';
import { nameTag, resourceName } from '../lib/tags';

export interface SsmBastionProps {
  /** The validated environment: `eks.bastion` sizes the instance. */
  readonly environment: Environment;
  /** ID of the environment VPC. */
  readonly vpcId: string;
  /** The private subnet the bastion runs in (it has no public address). */
  readonly subnetId: string;
  /** The security group EKS made for the cluster; the API endpoint's ENIs carry it. */
  readonly clusterSecurityGroupId: string;
  /** ARN of the customer-managed KMS key that encrypts the root volume. */
  readonly volumeKeyArn: string;
}

/**
 * The latest Amazon Linux 2023 arm64 image, read by EC2 from the public SSM parameter when the
 * instance launches (`resolve:ssm:` in the launch template's `image_id`). No `aws_ami` data source
 * is needed, so `terraform plan` stays offline, and the template keeps the parameter name (EC2
 * resolves it per launch), so a new AMI never shows up as plan drift. The AWS provider documents
 * this form for `aws_launch_template.image_id`; on `aws_instance.ami` it would cause a diff on
 * every plan, which is why the instance launches from a template.
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/create-launch-template.html#use-an-ssm-parameter-instead-of-an-ami-id
 * https://docs.aws.amazon.com/linux/al2023/ug/ec2.html#launch-via-aws-cli
 */
export const BASTION_IMAGE = 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64';

/** Session Manager's agent role: register with SSM and carry sessions, nothing else. */
export const BASTION_MANAGED_POLICIES = ['AmazonSSMManagedInstanceCore'] as const;

const HTTPS = 443;
const ANYWHERE = '0.0.0.0/0';

/**
 * The one path for people into the VPC: an instance Session Manager manages, in a private subnet,
 * without a public address, key pair or SSH. People start a port-forwarding session through it to
 * the private EKS API endpoint (and to the internal ALB of Grafana and Kibana); IAM decides who
 * may start a session and CloudTrail records it. Chosen over a public endpoint restricted to
 * CIDRs because nothing then listens on the internet at all, and office or VPN ranges change
 * without the model noticing.
 * https://docs.aws.amazon.com/systems-manager/latest/userguide/session-manager-working-with-sessions-start.html#sessions-remote-port-forwarding
 */
export class SsmBastion extends Construct {
  readonly role: ServiceRole;
  readonly securityGroup: SecurityGroup;
  readonly launchTemplate: LaunchTemplate;
  readonly instance: Instance;

  constructor(scope: Construct, id: string, props: SsmBastionProps) {
    super(scope, id);
    const env = props.environment;
    const name = resourceName(env.name, 'bastion');

    this.role = new ServiceRole(this, 'role', {
      roleName: name,
      description: `Session Manager agent of the bastion to ${clusterName(env.name)}`,
      assumeRolePolicy: serviceTrustPolicy('ec2.amazonaws.com'),
      managedPolicies: BASTION_MANAGED_POLICIES,
    });
    const profile = new IamInstanceProfile(this, 'instance-profile', { name, role: this.role.role.name });

    this.securityGroup = new SecurityGroup(this, 'security-group', {
      name,
      description: `Bastion to ${clusterName(env.name)}: no ingress; HTTPS out only`,
      vpcId: props.vpcId,
      tags: nameTag(env.name, 'bastion'),
    });
    new VpcSecurityGroupEgressRule(this, 'to-cluster-api', {
      securityGroupId: this.securityGroup.id,
      description: 'Kubernetes API on the private EKS endpoint',
      referencedSecurityGroupId: props.clusterSecurityGroupId,
      ipProtocol: 'tcp',
      fromPort: HTTPS,
      toPort: HTTPS,
      tags: nameTag(env.name, 'bastion-to-cluster-api'),
    });
    // The SSM agent reaches ssm, ssmmessages and ec2messages over HTTPS through the NAT gateway
    // (the VPC has no interface endpoints); the internal ALB of Grafana and Kibana is HTTPS too.
    new VpcSecurityGroupEgressRule(this, 'to-https', {
      securityGroupId: this.securityGroup.id,
      description: 'HTTPS: Session Manager endpoints through NAT, the internal ALB',
      cidrIpv4: ANYWHERE,
      ipProtocol: 'tcp',
      fromPort: HTTPS,
      toPort: HTTPS,
      tags: nameTag(env.name, 'bastion-to-https'),
    });
    new VpcSecurityGroupIngressRule(this, 'cluster-api-from-bastion', {
      securityGroupId: props.clusterSecurityGroupId,
      description: 'Kubernetes API from the SSM bastion',
      referencedSecurityGroupId: this.securityGroup.id,
      ipProtocol: 'tcp',
      fromPort: HTTPS,
      toPort: HTTPS,
      tags: nameTag(env.name, 'cluster-api-from-bastion'),
    });

    const metadataOptions = {
      httpEndpoint: 'enabled',
      // IMDSv2 only: session tokens defeat SSRF-style credential theft.
      httpTokens: 'required',
      httpPutResponseHopLimit: 1,
    };
    this.launchTemplate = new LaunchTemplate(this, 'launch-template', {
      namePrefix: `${name}-`,
      description: `SSM bastion to ${clusterName(env.name)}`,
      imageId: BASTION_IMAGE,
      instanceType: env.eks.bastion.instanceType,
      iamInstanceProfile: { arn: profile.arn },
      vpcSecurityGroupIds: [this.securityGroup.id],
      metadataOptions,
      blockDeviceMappings: [
        {
          // Root device of the Amazon Linux 2023 images.
          deviceName: '/dev/xvda',
          ebs: {
            volumeSize: env.eks.bastion.rootVolumeGiB,
            volumeType: 'gp3',
            encrypted: 'true',
            kmsKeyId: props.volumeKeyArn,
            deleteOnTermination: 'true',
          },
        },
      ],
      tagSpecifications: [
        { resourceType: 'instance', tags: nameTag(env.name, 'bastion') },
        { resourceType: 'volume', tags: nameTag(env.name, 'bastion') },
      ],
      tags: nameTag(env.name, 'bastion'),
    });

    this.instance = new Instance(this, 'instance', {
      launchTemplate: { id: this.launchTemplate.id, version: this.launchTemplate.latestVersion.toString() },
      subnetId: props.subnetId,
      associatePublicIpAddress: false,
      // Repeated from the template so the instance itself says IMDSv2 (and the gate can see it).
      metadataOptions,
      // Likewise the encrypted root volume: an instance that declares no root_block_device is a
      // violation (ECO-ENC-010), since the gate cannot follow a launch template's version.
      rootBlockDevice: {
        volumeSize: env.eks.bastion.rootVolumeGiB,
        volumeType: 'gp3',
        encrypted: true,
        kmsKeyId: props.volumeKeyArn,
        deleteOnTermination: true,
      },
      tags: nameTag(env.name, 'bastion'),
      dependsOn: [...this.role.grants],
    });
  }
}
