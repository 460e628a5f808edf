import { DATA_PROFILES, ENVIRONMENT_NAMES, GDPR_KEYS } from '../../environments';
import { expression, platformStack, ref, synthesizeEnvironment } from '../testing/synthesized-stack';
import { NODE_AMI_TYPE } from './node-group';

describe.each(ENVIRONMENT_NAMES)('the %s node groups', (name) => {
  const stack = () => platformStack(name);
  const spec = () => {
    const [first] = stack().environment.eks.nodeGroups;
    if (!first) throw new Error('the model declares a node group');
    return first;
  };
  const group = () => stack().resources('aws_eks_node_group')[`eks_nodes_${spec().name}_node_group`];
  const template = () => stack().resources('aws_launch_template')[`eks_nodes_${spec().name}_launch_template`];

  it('are one managed node group per group of the model', () => {
    expect(Object.keys(stack().resources('aws_eks_node_group'))).toHaveLength(
      stack().environment.eks.nodeGroups.length,
    );
  });

  it('run Graviton instances of the model on the arm64 Amazon Linux 2023 image', () => {
    expect(group().ami_type).toBe(NODE_AMI_TYPE);
    expect(NODE_AMI_TYPE).toMatch(/ARM_64/);
    expect(group().instance_types).toEqual(spec().instanceTypes);
  });

  it('scale between the model minimum and maximum', () => {
    expect(group().scaling_config).toEqual({
      min_size: spec().minSize,
      desired_size: spec().desiredSize,
      max_size: spec().maxSize,
    });
  });

  it('run in the private subnets', () => {
    expect(group().subnet_ids).toEqual([
      ref('aws_subnet', 'network_private_a_subnet', 'id'),
      ref('aws_subnet', 'network_private_b_subnet', 'id'),
    ]);
  });

  it('launch from a template that requires IMDSv2 and keeps pods away from the node role', () => {
    expect(group().launch_template.id).toBe(
      ref('aws_launch_template', `eks_nodes_${spec().name}_launch_template`, 'id'),
    );
    expect(template().metadata_options).toEqual({
      http_endpoint: 'enabled',
      http_tokens: 'required',
      http_put_response_hop_limit: 1,
    });
  });

  it('encrypt their gp3 root volume of the model size', () => {
    expect(template().block_device_mappings).toEqual([
      {
        device_name: '/dev/xvda',
        ebs: { volume_size: spec().diskSizeGiB, volume_type: 'gp3', encrypted: 'true', delete_on_termination: 'true' },
      },
    ]);
  });

  it('tag their volumes with the GDPR profile of the logs they hold', () => {
    const volume = template().tag_specifications.find((t: { resource_type: string }) => t.resource_type === 'volume');
    expect(volume.tags[GDPR_KEYS.personalData]).toBe('true');
    expect(volume.tags[GDPR_KEYS.retentionDays]).toBe(String(DATA_PROFILES.operationalLogs.retentionDays));
  });

  it('carry the cluster security group and the nodes marker group', () => {
    expect(template().vpc_security_group_ids).toEqual([
      expression('aws_eks_cluster.eks_cluster.vpc_config[0].cluster_security_group_id'),
      ref('aws_security_group', 'eks_nodes_security_group', 'id'),
    ]);
  });

  it('start only after the node role has its policies', () => {
    expect(group().depends_on).toEqual(
      expect.arrayContaining([
        'aws_iam_role.eks_nodes_role',
        'aws_iam_role_policy_attachment.eks_nodes_role_amazon_eks_worker_node_policy',
      ]),
    );
  });
});

describe.each(ENVIRONMENT_NAMES)('replacing a %s node group', (name) => {
  const groupOf = (stack: ReturnType<typeof platformStack>) => {
    const [spec] = stack.environment.eks.nodeGroups;
    if (!spec) throw new Error('the model declares a node group');
    return { spec, group: stack.resources('aws_eks_node_group')[`eks_nodes_${spec.name}_node_group`] };
  };

  it('names the group by prefix, so the new group can exist beside the old one', () => {
    const { spec, group } = groupOf(platformStack(name));
    expect(group.node_group_name_prefix).toBe(`${spec.name}-`);
    // The old stack fixed node_group_name, which the replacement could only take after the
    // old group was deleted.
    expect(group.node_group_name).toBeUndefined();
  });

  it('creates the new group before destroying the old one, and keeps the autoscaler desired size', () => {
    const { group } = groupOf(platformStack(name));
    expect(group.lifecycle).toEqual({
      create_before_destroy: true,
      ignore_changes: ['scaling_config[0].desired_size'],
    });
  });

  it('names its launch template by prefix too, as create-before-destroy propagates to it', () => {
    const { spec } = groupOf(platformStack(name));
    const template = platformStack(name).resources('aws_launch_template')[`eks_nodes_${spec.name}_launch_template`];
    expect(template.name_prefix).toBe(`ecolaura-${name}-${spec.name}-nodes-`);
    expect(template.name).toBeUndefined();
  });

  it('changes only the instance types when the model changes them, keeping prefix and create-before-destroy', () => {
    const declared = platformStack(name);
    const { spec } = groupOf(declared);
    const changed = synthesizeEnvironment({
      ...declared.environment,
      eks: {
        ...declared.environment.eks,
        nodeGroups: declared.environment.eks.nodeGroups.map((g) =>
          g.name === spec.name ? { ...g, instanceTypes: ['c7g.xlarge'] } : g,
        ),
      },
    });
    const before = groupOf(declared).group;
    const after = groupOf(changed).group;
    expect(after.instance_types).toEqual(['c7g.xlarge']);
    expect({ ...after, instance_types: before.instance_types }).toEqual(before);
    expect(after.lifecycle.create_before_destroy).toBe(true);
    expect(after.node_group_name_prefix).toBe(before.node_group_name_prefix);
  });
});
