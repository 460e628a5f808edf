import { ENVIRONMENT_NAMES } from '../../environments';
import { platformStack, ref } from '../testing/synthesized-stack';
import { ADDONS } from './cluster-addons';

describe.each(ENVIRONMENT_NAMES)('the %s cluster add-ons', (name) => {
  const stack = () => platformStack(name);
  const addons = () => stack().resources('aws_eks_addon');

  it('are vpc-cni, kube-proxy, coredns and the EBS CSI driver', () => {
    expect(
      Object.values(addons())
        .map((a) => a.addon_name)
        .sort(),
    ).toEqual([...ADDONS].sort());
  });

  it('give the EBS CSI driver its IRSA role', () => {
    expect(addons().eks_addons_aws_ebs_csi_driver.service_account_role_arn).toBe(
      ref('aws_iam_role', 'irsa_ebs_csi', 'arn'),
    );
  });

  it('turn on the VPC CNI network policy agent, so NetworkPolicies are enforced', () => {
    expect(JSON.parse(addons().eks_addons_vpc_cni.configuration_values)).toEqual({ enableNetworkPolicy: 'true' });
  });

  it('wait for nodes before installing what runs as pods on them', () => {
    for (const addon of ['coredns', 'aws_ebs_csi_driver']) {
      expect(addons()[`eks_addons_${addon}`].depends_on).toEqual(['aws_eks_node_group.eks_nodes_general_node_group']);
    }
  });

  it('let the declared configuration win over drift', () => {
    for (const addon of Object.values(addons())) {
      expect(addon.resolve_conflicts_on_create).toBe('OVERWRITE');
      expect(addon.resolve_conflicts_on_update).toBe('OVERWRITE');
    }
  });
});
