import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import type { Environment } from '../../environments';
import { BACKEND_PORT, FRONTEND_PORT, NAMESPACES, POSTGRES_PORT } from '../lib/cluster';
import { NAME_LABEL } from '../lib/labels';

/** Props of {@link AppNetworkPolicies}. */
export interface AppNetworkPoliciesProps {
  /** The environment whose private subnets hold the database. */
  readonly env: Environment;
}

/**
 * The app namespace denies all traffic, then allows exactly: the internet-facing ALB to the
 * frontend and to the backend, the frontend to the backend, Prometheus to the backend's
 * metrics, the backend to PostgreSQL (5432) in the VPC's private subnets, and every pod to DNS.
 * The ALB sends to pod IPs (target type `ip`) from its own addresses in the public subnets, for
 * requests and health checks alike, so those subnets are the peer; no in-cluster proxy is.
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export class AppNetworkPolicies extends Construct {
  constructor(scope: Construct, id: string, props: AppNetworkPoliciesProps) {
    super(scope, id);
    const namespace = NAMESPACES.app;
    const frontendPods = kplus.Pods.select(this, 'pods-frontend', { labels: { [NAME_LABEL]: 'frontend' } });
    const backendPods = kplus.Pods.select(this, 'pods-backend', { labels: { [NAME_LABEL]: 'backend' } });
    const namespacePods = (ns: string, labels: Record<string, string>) =>
      kplus.Pods.select(this, `pods-in-${ns}`, {
        labels,
        namespaces: kplus.Namespaces.select(this, `namespace-${ns}`, { names: [ns] }),
      });
    const loadBalancer = props.env.network.publicSubnets.map((subnet, index) =>
      kplus.NetworkPolicyIpBlock.ipv4(this, `public-subnet-${index}`, subnet.cidr),
    );
    const fromLoadBalancer = (port: number) =>
      loadBalancer.map((peer) => ({ peer, ports: [kplus.NetworkPolicyPort.tcp(port)] }));
    const prometheus = namespacePods(NAMESPACES.monitoring, { [NAME_LABEL]: 'prometheus' });

    new kplus.NetworkPolicy(this, 'default-deny', {
      metadata: { name: 'default-deny', namespace },
      selector: kplus.Pods.all(this, 'all-pods'),
      ingress: { default: kplus.NetworkPolicyTrafficDefault.DENY },
      egress: { default: kplus.NetworkPolicyTrafficDefault.DENY },
    });

    new kplus.NetworkPolicy(this, 'allow-dns', {
      metadata: { name: 'allow-dns', namespace },
      selector: kplus.Pods.all(this, 'all-pods-dns'),
      egress: {
        rules: [
          {
            peer: namespacePods(NAMESPACES.kubeSystem, { 'k8s-app': 'kube-dns' }),
            ports: [kplus.NetworkPolicyPort.udp(53), kplus.NetworkPolicyPort.tcp(53)],
          },
        ],
      },
    });

    new kplus.NetworkPolicy(this, 'frontend', {
      metadata: { name: 'frontend', namespace },
      selector: frontendPods,
      ingress: { rules: fromLoadBalancer(FRONTEND_PORT) },
      egress: { rules: [{ peer: backendPods, ports: [kplus.NetworkPolicyPort.tcp(BACKEND_PORT)] }] },
    });

    const databaseSubnets = props.env.network.privateSubnets.map((subnet, index) =>
      kplus.NetworkPolicyIpBlock.ipv4(this, `private-subnet-${index}`, subnet.cidr),
    );
    new kplus.NetworkPolicy(this, 'backend', {
      metadata: { name: 'backend', namespace },
      selector: backendPods,
      ingress: {
        rules: [
          ...fromLoadBalancer(BACKEND_PORT),
          { peer: frontendPods, ports: [kplus.NetworkPolicyPort.tcp(BACKEND_PORT)] },
          { peer: prometheus, ports: [kplus.NetworkPolicyPort.tcp(BACKEND_PORT)] },
        ],
      },
      egress: {
        rules: databaseSubnets.map((peer) => ({ peer, ports: [kplus.NetworkPolicyPort.tcp(POSTGRES_PORT)] })),
      },
    });
  }
}
