import { ENVIRONMENT_NAMES } from '../../environments';
import { expression, platformStack, policy, ref } from '../testing/synthesized-stack';
import { BASTION_IMAGE } from './ssm-bastion';

describe.each(ENVIRONMENT_NAMES)('the %s SSM bastion', (name) => {
  const stack = () => platformStack(name);
  const instance = () => stack().only('aws_instance');
  const template = () => stack().resources('aws_launch_template').bastion_launch_template;

  it('runs in the first private subnet without a public address, launched from its template', () => {
    expect(instance().subnet_id).toBe(ref('aws_subnet', 'network_private_a_subnet', 'id'));
    expect(instance().associate_public_ip_address).toBe(false);
    expect(instance().launch_template).toEqual({
      id: ref('aws_launch_template', 'bastion_launch_template', 'id'),
      version: ref('aws_launch_template', 'bastion_launch_template', 'latest_version'),
    });
  });

  it('has no key pair and no ingress at all: Session Manager is the only way in', () => {
    expect(instance().key_name).toBeUndefined();
    expect(template().key_name).toBeUndefined();
    const group = stack().resources('aws_security_group').bastion_security_group;
    expect(group.ingress).toBeUndefined();
    const ingressToBastion = Object.values(stack().resources('aws_vpc_security_group_ingress_rule')).filter(
      (rule) => rule.security_group_id === ref('aws_security_group', 'bastion_security_group', 'id'),
    );
    expect(ingressToBastion).toEqual([]);
  });

  it('requires IMDSv2 on both the template and the instance', () => {
    const options = { http_endpoint: 'enabled', http_tokens: 'required', http_put_response_hop_limit: 1 };
    expect(template().metadata_options).toEqual(options);
    expect(instance().metadata_options).toEqual(options);
  });

  it('encrypts its gp3 root volume with its own customer-managed key', () => {
    expect(template().block_device_mappings).toEqual([
      {
        device_name: '/dev/xvda',
        ebs: {
          volume_size: stack().environment.eks.bastion.rootVolumeGiB,
          volume_type: 'gp3',
          encrypted: 'true',
          kms_key_id: ref('aws_kms_key', 'bastion_volume_key_key', 'arn'),
          delete_on_termination: 'true',
        },
      },
    ]);
    expect(stack().resources('aws_kms_key').bastion_volume_key_key.enable_key_rotation).toBe(true);
  });

  it('boots the Graviton instance type of the model from the AL2023 arm64 SSM parameter, no data source', () => {
    expect(template().instance_type).toBe(stack().environment.eks.bastion.instanceType);
    expect(template().instance_type).toMatch(/^t4g\./);
    expect(template().image_id).toBe(BASTION_IMAGE);
    expect(BASTION_IMAGE).toBe('resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64');
    expect(instance().ami).toBeUndefined();
    expect(stack().json.data).toBeUndefined();
  });

  it('runs with an instance profile whose role holds AmazonSSMManagedInstanceCore only', () => {
    const profile = stack().only('aws_iam_instance_profile');
    expect(template().iam_instance_profile).toEqual({
      arn: ref('aws_iam_instance_profile', 'bastion_instance_profile', 'arn'),
    });
    expect(profile.role).toBe(ref('aws_iam_role', 'bastion_role', 'name'));
    const attachments = Object.values(stack().resources('aws_iam_role_policy_attachment')).filter(
      (a) => a.role === ref('aws_iam_role', 'bastion_role', 'name'),
    );
    expect(attachments.map((a) => a.policy_arn)).toEqual(['arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore']);
    const inline = Object.values(stack().resources('aws_iam_role_policy')).filter(
      (p) => p.role === ref('aws_iam_role', 'bastion_role', 'id'),
    );
    expect(inline).toEqual([]);
    expect(policy(stack().resources('aws_iam_role').bastion_role.assume_role_policy).Statement[0].Principal).toEqual({
      Service: 'ec2.amazonaws.com',
    });
  });

  it('reaches the cluster API on 443, and the cluster security group admits it on 443', () => {
    const clusterGroup = expression('aws_eks_cluster.eks_cluster.vpc_config[0].cluster_security_group_id');
    const bastionGroup = ref('aws_security_group', 'bastion_security_group', 'id');
    const egress = stack().resources('aws_vpc_security_group_egress_rule').bastion_to_cluster_api;
    expect(egress).toMatchObject({
      security_group_id: bastionGroup,
      referenced_security_group_id: clusterGroup,
      ip_protocol: 'tcp',
      from_port: 443,
      to_port: 443,
    });
    const ingress = stack().resources('aws_vpc_security_group_ingress_rule').bastion_cluster_api_from_bastion;
    expect(ingress).toMatchObject({
      security_group_id: clusterGroup,
      referenced_security_group_id: bastionGroup,
      ip_protocol: 'tcp',
      from_port: 443,
      to_port: 443,
    });
  });

  it('lets out HTTPS only, for Session Manager through NAT', () => {
    const rules = Object.values(stack().resources('aws_vpc_security_group_egress_rule')).filter(
      (rule) => rule.security_group_id === ref('aws_security_group', 'bastion_security_group', 'id'),
    );
    for (const rule of rules) expect([rule.ip_protocol, rule.from_port, rule.to_port]).toEqual(['tcp', 443, 443]);
  });

  it('publishes its instance id for aws ssm start-session', () => {
    expect(stack().json.output.bastion_instance_id.value).toBe(ref('aws_instance', 'bastion_instance', 'id'));
  });
});
