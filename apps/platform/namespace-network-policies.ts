import {
  IntOrString,
  KubeNetworkPolicy,
  type NetworkPolicyPeer,
  type NetworkPolicySpec,
} from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import type { Environment } from '../../environments';
import { NAMESPACES } from '../lib/cluster';
import { API_SERVER_PORT, DNS_PORTS, type FlowPort, type NamespaceFlows } from './network-flows';

/** Where every NetworkPolicy says why it exists. */
export const FLOW_REASON_ANNOTATION = 'ecolaura.io/network-flow';

/** Selects the pods of one namespace (all of them, or those with `labels`). */
export function podsIn(namespace: string, labels?: Readonly<Record<string, string>>): NetworkPolicyPeer {
  return {
    namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
    ...(labels ? { podSelector: { matchLabels: { ...labels } } } : {}),
  };
}

/** IP blocks, one per CIDR. */
export function cidrs(ranges: readonly string[]): NetworkPolicyPeer[] {
  return ranges.map((cidr) => ({ ipBlock: { cidr } }));
}

/** Rule ports in the shape the API takes. */
export function ports(list: readonly FlowPort[]) {
  return list.map(({ port, protocol }) => ({ port: IntOrString.fromNumber(port), protocol }));
}

/** The CIDRs of the private subnets: nodes, the database, the EKS control plane's ENIs, the internal ALB. */
export function privateSubnetCidrs(env: Environment): string[] {
  return env.network.privateSubnets.map((subnet) => subnet.cidr);
}

/** The CIDRs of the public subnets, where the internet-facing ALB's nodes live. */
export function publicSubnetCidrs(env: Environment): string[] {
  return env.network.publicSubnets.map((subnet) => subnet.cidr);
}

/** Props of {@link NamespaceNetworkPolicies}. */
export interface NamespaceNetworkPoliciesProps {
  readonly env: Environment;
  readonly namespace: string;
  readonly flows: NamespaceFlows;
  /** The Prometheus pods allowed in on `flows.metricsPorts`. @default no scrape is allowed in */
  readonly prometheus?: NetworkPolicyPeer;
}

/**
 * The baseline of one namespace: deny every flow in both directions, then allow DNS to
 * kube-dns, and exactly the flows its {@link NamespaceFlows} declare. Policies add up, so the
 * allows open holes in the deny and nothing else.
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/#default-policies
 */
export class NamespaceNetworkPolicies extends Construct {
  constructor(scope: Construct, id: string, props: NamespaceNetworkPoliciesProps) {
    super(scope, id);
    const { env, namespace, flows } = props;
    const policy = (name: string, spec: NetworkPolicySpec) =>
      new KubeNetworkPolicy(this, name, {
        metadata: { name, namespace, annotations: { [FLOW_REASON_ANNOTATION]: flows.reason } },
        spec,
      });
    const all = {};

    policy('default-deny', { podSelector: all, policyTypes: ['Ingress', 'Egress'] });
    policy('allow-dns', {
      podSelector: all,
      policyTypes: ['Egress'],
      egress: [{ to: [podsIn(NAMESPACES.kubeSystem, { 'k8s-app': 'kube-dns' })], ports: ports(DNS_PORTS) }],
    });
    if (flows.apiServer) {
      // The `kubernetes` Service's endpoints on EKS are the control plane's ENIs, which EKS
      // places in the cluster's subnets (the private ones); the VPC CNI matches egress rules
      // against those endpoint addresses. Tighter than the whole VPC: the public subnets are left out.
      // https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html
      policy('allow-api-server', {
        podSelector: all,
        policyTypes: ['Egress'],
        egress: [{ to: cidrs(privateSubnetCidrs(env)), ports: ports([{ port: API_SERVER_PORT, protocol: 'TCP' }]) }],
      });
    }
    if (flows.internetEgress.length > 0) {
      policy('allow-internet-egress', {
        podSelector: all,
        policyTypes: ['Egress'],
        egress: [{ to: cidrs(['0.0.0.0/0']), ports: ports(flows.internetEgress) }],
      });
    }
    if (flows.webhookPorts.length > 0) {
      // The API server calls admission webhooks from its ENIs in the private subnets.
      policy('allow-webhooks', {
        podSelector: all,
        policyTypes: ['Ingress'],
        ingress: [{ from: cidrs(privateSubnetCidrs(env)), ports: ports(flows.webhookPorts) }],
      });
    }
    if (flows.metricsPorts.length > 0 && props.prometheus) {
      policy('allow-prometheus', {
        podSelector: all,
        policyTypes: ['Ingress'],
        ingress: [{ from: [props.prometheus], ports: ports(flows.metricsPorts) }],
      });
    }
    if (flows.sameNamespace) {
      policy('allow-same-namespace', {
        podSelector: all,
        policyTypes: ['Ingress', 'Egress'],
        ingress: [{ from: [{ podSelector: all }] }],
        egress: [{ to: [{ podSelector: all }] }],
      });
    }
    if (flows.publicLoadBalancerPorts.length > 0) {
      // Internet-facing ALB with target type `ip`: its nodes in the public subnets connect to
      // the pods' container ports, health checks included.
      // https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/#target-type
      policy('allow-public-load-balancer', {
        podSelector: all,
        policyTypes: ['Ingress'],
        ingress: [{ from: cidrs(publicSubnetCidrs(env)), ports: ports(flows.publicLoadBalancerPorts) }],
      });
    }
    if (flows.internalLoadBalancerPorts.length > 0) {
      // Internal ALB (scheme internal) in the private subnets, target type `ip`.
      policy('allow-internal-load-balancer', {
        podSelector: all,
        policyTypes: ['Ingress'],
        ingress: [{ from: cidrs(privateSubnetCidrs(env)), ports: ports(flows.internalLoadBalancerPorts) }],
      });
    }
  }
}
