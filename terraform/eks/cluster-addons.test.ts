import { EKS_ADDON_VERSIONS, ENVIRONMENT_NAMES } from '../../environments';
import { platformStack, ref } from '../testing/synthesized-stack';
import { ADDONS } from './cluster-addons';

describe.each(ENVIRONMENT_NAMES)('the %s cluster add-ons', (name) => {
  const stack = () => platformStack(name);
  const addons = () => stack().resources('aws_eks_addon');

  it('are vpc-cni, kube-proxy, coredns, the EBS CSI driver and metrics-server', () => {
    expect(
      Object.values(addons())
        .map((a) => a.addon_name)
        .sort(),
    ).toEqual([...ADDONS].sort());
    expect(addons().eks_addons_metrics_server.addon_name).toBe('metrics-server');
  });

  it('pin every add-on version explicitly, from the row of the cluster Kubernetes version', () => {
    const row = EKS_ADDON_VERSIONS[stack().environment.eks.version];
    expect(row).toBeDefined();
    for (const addon of Object.values(addons())) {
      // The old stack left addon_version unset ("EKS picks its default").
      expect(addon.addon_version).toBeDefined();
      expect(addon.addon_version).toBe(row?.[addon.addon_name as keyof typeof row]);
      expect(addon.addon_version).toMatch(/^v\d+\.\d+\.\d+-eksbuild\.\d+$/);
    }
    expect(addons().eks_addons_kube_proxy.addon_version).toMatch(/^v1\.35\./);
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
    for (const addon of ['coredns', 'aws_ebs_csi_driver', 'metrics_server']) {
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
