/**
 * The ports the platform's traffic uses, in one place: the Kubernetes side (Services,
 * NetworkPolicies), the Terraform side (security groups, network ACLs) and the flows of
 * `network-flows.ts` all read them from here.
 */

/** Port the frontend's nginx listens on (nginx-unprivileged cannot bind below 1024). */
export const FRONTEND_PORT = 8080;
/** Port Gunicorn binds for the backend. */
export const BACKEND_PORT = 8000;
/** PostgreSQL's port on the RDS instance. */
export const POSTGRES_PORT = 5432;
/** Grafana's container port (kube-prometheus-stack default), behind the internal ALB. */
export const GRAFANA_PORT = 3000;
/** Kibana's container port (ECK default), behind the internal ALB. */
export const KIBANA_PORT = 5601;
export const HTTPS_PORT = 443;
export const HTTP_PORT = 80;
export const DNS_PORT = 53;
/** The kubelet API the control plane calls (logs, exec, metrics). */
export const KUBELET_PORT = 10250;

/** An inclusive port range. */
export type PortRange = readonly [from: number, to: number];

/**
 * Client-side (ephemeral) ports of connections AWS-managed and internet peers open: load
 * balancers, NAT gateways and unknown clients may use any of them.
 * https://docs.aws.amazon.com/vpc/latest/userguide/custom-network-acl.html#nacl-ephemeral-ports
 */
export const EPHEMERAL_PORTS: PortRange = [1024, 65535];
/**
 * Client-side ports of connections Linux hosts open (nodes, pods, the bastion: Amazon Linux
 * 2023, `net.ipv4.ip_local_port_range` 32768-60999). Returns to these stay above every service
 * port the private tier runs (5432, 8000, 8080, 10250, and the NodePorts 30000-32767).
 */
export const LINUX_EPHEMERAL_PORTS: PortRange = [32768, 65535];
