import {
  BACKEND_PORT,
  DNS_PORT,
  EPHEMERAL_PORTS,
  FRONTEND_PORT,
  GRAFANA_PORT,
  HTTP_PORT,
  HTTPS_PORT,
  KIBANA_PORT,
  KUBELET_PORT,
  LINUX_EPHEMERAL_PORTS,
  POSTGRES_PORT,
  type PortRange,
} from './ports';

/**
 * The network flows the platform needs and the ones it must never allow, declared by ROLE, not
 * by address. The network ACLs of both subnet tiers are derived from `NEEDED_FLOWS`
 * (terraform/network/network-acls.ts), and a reachability verifier can check every layer (route,
 * ACL, security group, NetworkPolicy) against the same data. Addresses follow from the roles and
 * the environment's subnets (`roleTier`).
 */

/** Who sends or receives traffic. */
export type NetworkRole =
  /** Any address outside the VPC: shoppers, ACME servers, registries, package mirrors. */
  | 'internet'
  /** AWS public service endpoints (ECR, STS, EC2, SSM, Secrets Manager, CloudWatch, S3). */
  | 'aws-services'
  /** The internet-facing ALB of the AWS Load Balancer Controller, in the public subnets. */
  | 'public-lb'
  /** The NAT gateways, in the public subnets. */
  | 'nat-gateway'
  /** The internal ALB of Grafana and Kibana, in the private subnets. */
  | 'internal-lb'
  /** EKS nodes and their pods (the VPC CNI gives pods addresses of the private subnets). */
  | 'nodes'
  /** The network interfaces of the EKS control plane, in the private subnets. */
  | 'control-plane'
  /** The RDS instance, in the private subnets. */
  | 'database'
  /** The SSM bastion, in a private subnet. */
  | 'bastion';

/** Where a role's addresses are: outside the VPC, or in one of the two subnet tiers. */
export type NetworkTier = 'internet' | 'public' | 'private';

const ROLE_TIERS: Readonly<Record<NetworkRole, NetworkTier>> = {
  internet: 'internet',
  'aws-services': 'internet',
  'public-lb': 'public',
  'nat-gateway': 'public',
  'internal-lb': 'private',
  nodes: 'private',
  'control-plane': 'private',
  database: 'private',
  bastion: 'private',
};

/** The tier a role's addresses belong to. */
export function roleTier(role: NetworkRole): NetworkTier {
  return ROLE_TIERS[role];
}

/**
 * The client-side port range of connections a role opens: Linux hosts pick from their
 * ephemeral range, AWS-managed load balancers and NAT gateways and internet clients from
 * 1024-65535. A stateless ACL must let the replies back on exactly this range.
 */
export function clientPorts(role: NetworkRole): PortRange {
  return ROLE_TIERS[role] === 'private' && role !== 'internal-lb' ? LINUX_EPHEMERAL_PORTS : EPHEMERAL_PORTS;
}

export type FlowProtocol = 'tcp' | 'udp' | 'all';

/** Traffic one role opens to another. Replies are implied: every hop is stateless at the ACL. */
export interface NetworkFlow {
  /** Kebab-case name, unique. */
  readonly name: string;
  readonly from: NetworkRole;
  readonly to: NetworkRole;
  readonly protocol: FlowProtocol;
  /** Destination ports; `[0, 65535]` with protocol `all`. */
  readonly ports: PortRange;
  /** A hop in between that the traffic crosses (source NAT in the public tier). */
  readonly via?: 'nat-gateway';
  /** Why the platform needs it (or, for a forbidden flow, why it must never happen). */
  readonly reason: string;
}

const ALL_PORTS: PortRange = [0, 65535];
const one = (port: number): PortRange => [port, port];

/** Every flow the platform needs to come up and serve. */
export const NEEDED_FLOWS: readonly NetworkFlow[] = [
  {
    name: 'shoppers-https',
    from: 'internet',
    to: 'public-lb',
    protocol: 'tcp',
    ports: one(HTTPS_PORT),
    reason: 'the shop and its API over TLS, terminated at the ALB with ACM certificates',
  },
  {
    name: 'shoppers-http-redirect',
    from: 'internet',
    to: 'public-lb',
    protocol: 'tcp',
    ports: one(HTTP_PORT),
    reason: 'plain HTTP only to be redirected to HTTPS by the ALB listener',
  },
  {
    name: 'alb-to-frontend',
    from: 'public-lb',
    to: 'nodes',
    protocol: 'tcp',
    ports: one(FRONTEND_PORT),
    reason: 'IP targets: the ALB forwards to the frontend pods on their container port (health checks too)',
  },
  {
    name: 'alb-to-backend',
    from: 'public-lb',
    to: 'nodes',
    protocol: 'tcp',
    ports: one(BACKEND_PORT),
    reason: 'IP targets: the ALB forwards /api to the backend pods on their container port (health checks too)',
  },
  {
    name: 'nodes-https-out',
    from: 'nodes',
    to: 'internet',
    protocol: 'tcp',
    ports: one(HTTPS_PORT),
    via: 'nat-gateway',
    reason: 'image registries, ACME (Let\u2019s Encrypt), Helm repositories, Git over HTTPS',
  },
  {
    name: 'nodes-http-out',
    from: 'nodes',
    to: 'internet',
    protocol: 'tcp',
    ports: one(HTTP_PORT),
    via: 'nat-gateway',
    reason: 'OS package mirrors, CRL and OCSP responders, ACME HTTP-01 self-checks',
  },
  {
    name: 'nodes-aws-apis',
    from: 'nodes',
    to: 'aws-services',
    protocol: 'tcp',
    ports: one(HTTPS_PORT),
    via: 'nat-gateway',
    reason: 'ECR, STS (IRSA), EC2 and Auto Scaling (VPC CNI, cluster autoscaler), Secrets Manager, CloudWatch',
  },
  {
    name: 'nodes-s3-endpoint',
    from: 'nodes',
    to: 'aws-services',
    protocol: 'tcp',
    ports: one(HTTPS_PORT),
    reason: 'S3 (ECR image layers) through the gateway endpoint, straight from the private subnets',
  },
  {
    name: 'nodes-to-api',
    from: 'nodes',
    to: 'control-plane',
    protocol: 'tcp',
    ports: one(HTTPS_PORT),
    reason: 'kubelets and pods call the Kubernetes API on the private endpoint',
  },
  {
    name: 'api-to-kubelet',
    from: 'control-plane',
    to: 'nodes',
    protocol: 'tcp',
    ports: one(KUBELET_PORT),
    reason: 'logs, exec and port-forward go from the API server to the kubelet',
  },
  {
    name: 'api-to-webhooks',
    from: 'control-plane',
    to: 'nodes',
    protocol: 'tcp',
    ports: EPHEMERAL_PORTS,
    reason:
      'admission webhooks and aggregated APIs on their pods\u2019 container ports (cert-manager 10250, ECK 9443, metrics-server 10251)',
  },
  {
    name: 'pod-network',
    from: 'nodes',
    to: 'nodes',
    protocol: 'all',
    ports: ALL_PORTS,
    reason:
      'the Kubernetes network model: any pod reaches any pod across both zones; NetworkPolicies and security groups decide, not ACLs',
  },
  {
    name: 'pods-dns-udp',
    from: 'nodes',
    to: 'nodes',
    protocol: 'udp',
    ports: one(DNS_PORT),
    reason: 'pods resolve names at CoreDNS, inside the VPC',
  },
  {
    name: 'pods-dns-tcp',
    from: 'nodes',
    to: 'nodes',
    protocol: 'tcp',
    ports: one(DNS_PORT),
    reason: 'DNS answers too large for UDP fall back to TCP',
  },
  {
    name: 'backend-to-database',
    from: 'nodes',
    to: 'database',
    protocol: 'tcp',
    ports: one(POSTGRES_PORT),
    reason: 'the backend pods use PostgreSQL over TLS',
  },
  {
    name: 'bastion-to-api',
    from: 'bastion',
    to: 'control-plane',
    protocol: 'tcp',
    ports: one(HTTPS_PORT),
    reason: 'people reach the private API endpoint through the SSM port-forwarding session',
  },
  {
    name: 'bastion-ssm',
    from: 'bastion',
    to: 'aws-services',
    protocol: 'tcp',
    ports: one(HTTPS_PORT),
    via: 'nat-gateway',
    reason: 'the SSM agent keeps its session channel to ssm, ssmmessages and ec2messages',
  },
  {
    name: 'bastion-to-internal-lb',
    from: 'bastion',
    to: 'internal-lb',
    protocol: 'tcp',
    ports: one(HTTPS_PORT),
    reason: 'people reach Grafana and Kibana on the internal ALB through the bastion',
  },
  {
    name: 'internal-lb-to-grafana',
    from: 'internal-lb',
    to: 'nodes',
    protocol: 'tcp',
    ports: one(GRAFANA_PORT),
    reason: 'IP targets: the internal ALB forwards to the Grafana pod',
  },
  {
    name: 'internal-lb-to-kibana',
    from: 'internal-lb',
    to: 'nodes',
    protocol: 'tcp',
    ports: one(KIBANA_PORT),
    reason: 'IP targets: the internal ALB forwards to the Kibana pods',
  },
];

/**
 * Flows that must never be possible. The network ACLs refuse each on its ports (tests prove it);
 * routing refuses them too (no public address in the private tier, no route in from the internet),
 * so they stay closed even where an ACL must admit replies from anywhere.
 */
export const FORBIDDEN_FLOWS: readonly NetworkFlow[] = [
  {
    name: 'internet-to-database',
    from: 'internet',
    to: 'database',
    protocol: 'tcp',
    ports: one(POSTGRES_PORT),
    reason: 'customer data is reached by the backend only',
  },
  {
    name: 'internet-to-nodes-service-ports',
    from: 'internet',
    to: 'nodes',
    protocol: 'tcp',
    ports: [1, LINUX_EPHEMERAL_PORTS[0] - 1],
    reason:
      'shoppers reach pods only through the ALB: no NodePorts (30000-32767), no kubelet, no SSH, no container ports from outside',
  },
  {
    name: 'internet-to-nodes-udp',
    from: 'internet',
    to: 'nodes',
    protocol: 'udp',
    ports: [1, 65535],
    reason: 'nothing in the private tier serves UDP to the internet',
  },
  {
    name: 'public-tier-to-database',
    from: 'public-lb',
    to: 'database',
    protocol: 'tcp',
    ports: one(POSTGRES_PORT),
    reason:
      'only the nodes reach PostgreSQL: a database security group admitting the public subnets (or the whole VPC) lets the load balancers and NAT gateways in',
  },
  {
    name: 'internet-to-bastion-ssh',
    from: 'internet',
    to: 'bastion',
    protocol: 'tcp',
    ports: one(22),
    reason: 'the bastion is reached through Session Manager, never SSH',
  },
  {
    name: 'internet-to-api',
    from: 'internet',
    to: 'control-plane',
    protocol: 'tcp',
    ports: one(HTTPS_PORT),
    reason: 'the API endpoint is private; people come through the bastion',
  },
];

/**
 * Ports no ACL may open to the internet, whatever a derived range would cover: remote
 * administration (AWS FSBP EC2.21, CIS AWS Foundations 5.1).
 */
export const REMOTE_ADMINISTRATION_PORTS: readonly number[] = [22, 3389];
