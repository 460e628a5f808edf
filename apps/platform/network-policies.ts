import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import type { Environment } from '../../environments';
import { DATABASE_ROLES_NAME } from '../backend/database-roles-job';
import { BACKEND_PORT, FRONTEND_PORT, NAMESPACES, POSTGRES_PORT } from '../lib/cluster';
import { NAME_LABEL } from '../lib/labels';

/** Props of {@link AppNetworkPolicies}. */
export interface AppNetworkPoliciesProps {
  /** The environment whose private subnets hold the database. */
  readonly env: Environment;
}

/**
 * The pod-to-pod flows of the app namespace, on top of its baseline (`NamespaceNetworkPolicies`:
 * default deny, DNS, the ALB, Prometheus): the internet-facing ALB to the frontend and to the
 * backend, the frontend to the backend, and the backend — only the backend — to PostgreSQL
 * (5432) in the VPC's private subnets. The ALB sends to pod IPs (target type `ip`) from its own
 * addresses in the public subnets, for requests and health checks alike, so those subnets are
 * the peer; no in-cluster proxy is.
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/
 */
export class AppNetworkPolicies extends Construct {
  constructor(scope: Construct, id: string, props: AppNetworkPoliciesProps) {
    super(scope, id);
    const namespace = NAMESPACES.app;
    const frontendPods = kplus.Pods.select(this, 'pods-frontend', { labels: { [NAME_LABEL]: 'frontend' } });
    const backendPods = kplus.Pods.select(this, 'pods-backend', { labels: { [NAME_LABEL]: 'backend' } });
    const _namespacePods = (ns: string, labels: Record<string, string>) =>
      kplus.Pods.select(this, `pods-in-${ns}`, {
        labels,
        namespaces: kplus.Namespaces.select(this, `namespace-${ns}`, { names: [ns] }),
      });
    const loadBalancer = props.env.network.publicSubnets.map((subnet, index) =>
      kplus.NetworkPolicyIpBlock.ipv4(this, `public-subnet-${index}`, subnet.cidr),
    );
    const fromLoadBalancer = (port: number) =>
      loadBalancer.map((peer) => ({ peer, ports: [kplus.NetworkPolicyPort.tcp(port)] }));

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
        ],
      },
      egress: {
        rules: [
          ...databaseSubnets.map((peer) => ({ peer, ports: [kplus.NetworkPolicyPort.tcp(POSTGRES_PORT)] })),
          // The token sidecar trades the pod's IRSA token for credentials at STS (through NAT)
          // before it signs the IAM database token; the signing itself is local.
          // https://docs.aws.amazon.com/eks/latest/userguide/iam-roles-for-service-accounts.html
          { peer: kplus.NetworkPolicyIpBlock.anyIpv4(this, 'sts'), ports: [kplus.NetworkPolicyPort.tcp(443)] },
        ],
      },
    });

    // The Sync-hook Job that creates the backend's database role signs in as the master user
    // (break-glass credentials from its own ExternalSecret) and needs PostgreSQL alone.
    new kplus.NetworkPolicy(this, 'database-roles', {
      metadata: { name: DATABASE_ROLES_NAME, namespace },
      selector: kplus.Pods.select(this, 'pods-database-roles', { labels: { [NAME_LABEL]: DATABASE_ROLES_NAME } }),
      egress: {
        rules: databaseSubnets.map((peer) => ({ peer, ports: [kplus.NetworkPolicyPort.tcp(POSTGRES_PORT)] })),
      },
    });
  }
}
