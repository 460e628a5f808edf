import { type Environment, GRAFANA_PORT, KIBANA_PORT } from '../../environments';
import { BACKEND_PORT, FRONTEND_PORT, NAMESPACES } from '../lib/cluster';

/** A port and its protocol, as a NetworkPolicy rule lists it. */
export interface FlowPort {
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
}

const tcp = (...ports: number[]): FlowPort[] => ports.map((port) => ({ port, protocol: 'TCP' }));

/** DNS, over UDP and (for large answers) TCP. */
export const DNS_PORTS: readonly FlowPort[] = [
  { port: 53, protocol: 'UDP' },
  { port: 53, protocol: 'TCP' },
];

/** The Kubernetes API on EKS: the control plane's ENIs in the cluster subnets, port 443. */
export const API_SERVER_PORT = 443;

/** The AWS Load Balancer Controller's webhook and metrics ports (the chart's defaults). */
export const LOAD_BALANCER_CONTROLLER_WEBHOOK_PORT = 9443;
export const LOAD_BALANCER_CONTROLLER_METRICS_PORT = 8080;
/** Elasticsearch's HTTP layer, which the ECK operator calls to manage the cluster. */
export const ELASTICSEARCH_HTTP_PORT = 9200;

/**
 * What the pods of one namespace must reach and be reached by, beyond DNS (which every
 * namespace gets). Each namespace denies all traffic in both directions first
 * (`default-deny`), so a flow missing here is a flow that does not exist.
 */
export interface NamespaceFlows {
  /** Egress to the Kubernetes API (controllers, Prometheus discovery, Filebeat metadata). */
  readonly apiServer: boolean;
  /**
   * Egress to the internet through the NAT gateways: AWS APIs (the VPC has no interface
   * endpoints, only the S3 gateway), ACME, alert receivers. Empty: none.
   */
  readonly internetEgress: readonly FlowPort[];
  /** Admission and conversion webhook ports the API server calls in this namespace. */
  readonly webhookPorts: readonly FlowPort[];
  /** Ports Prometheus scrapes in this namespace. */
  readonly metricsPorts: readonly FlowPort[];
  /** Pods of the namespace talk to each other freely (one product's parts: ES, Kibana, Logstash…). */
  readonly sameNamespace: boolean;
  /** Ports the internet-facing ALB (public subnets) reaches pods on. */
  readonly publicLoadBalancerPorts: readonly FlowPort[];
  /** Ports the internal ALB (private subnets) reaches pods on. */
  readonly internalLoadBalancerPorts: readonly FlowPort[];
  /** Why the namespace needs these flows, written into the policies' annotation. */
  readonly reason: string;
}

const NONE: Omit<NamespaceFlows, 'reason'> = {
  apiServer: false,
  internetEgress: [],
  webhookPorts: [],
  metricsPorts: [],
  sameNamespace: false,
  publicLoadBalancerPorts: [],
  internalLoadBalancerPorts: [],
};

/**
 * The flows of every namespace the platform creates. Ports are the charts' defaults at the
 * pinned versions (environments/versions.ts); a chart that moves a port moves it here.
 * The ecolaura namespace's pod-to-pod and database flows live in `network-policies.ts`.
 */
export function namespaceFlows(_env: Environment): Readonly<Record<string, NamespaceFlows>> {
  return {
    [NAMESPACES.app]: {
      ...NONE,
      // ALB target type `ip`: the ALB's nodes in the public subnets connect to the pods directly.
      publicLoadBalancerPorts: tcp(FRONTEND_PORT, BACKEND_PORT),
      // Gunicorn serves /metrics on the application port.
      metricsPorts: tcp(BACKEND_PORT),
      reason: 'the shop: the ALB reaches the frontend and the backend; only the backend reaches PostgreSQL',
    },
    [NAMESPACES.certManager]: {
      ...NONE,
      apiServer: true,
      // No internet: public TLS is ACM's, and cert-manager only signs in-cluster certificates
      // (no ACME account, no HTTP-01 self-check, no DNS-01 propagation check).
      webhookPorts: tcp(10250),
      metricsPorts: tcp(9402),
      sameNamespace: true,
      reason: 'cert-manager: the API and its webhook called by the API server; in-cluster CAs only',
    },
    [NAMESPACES.elasticSystem]: {
      ...NONE,
      apiServer: true,
      webhookPorts: tcp(9443),
      reason: 'the ECK operator: the API, Elasticsearch in logging, its webhook called by the API server',
    },
    [NAMESPACES.externalSecrets]: {
      ...NONE,
      apiServer: true,
      // AWS Secrets Manager and STS (IRSA web identity), through the NAT gateways.
      internetEgress: tcp(443),
      webhookPorts: tcp(10250),
      metricsPorts: tcp(8080),
      sameNamespace: true,
      reason: 'external-secrets: the API, AWS Secrets Manager and STS, its webhook called by the API server',
    },
    [NAMESPACES.ingress]: {
      ...NONE,
      apiServer: true,
      // The ELBv2, EC2, ACM and WAF APIs (and STS for IRSA), through the NAT gateways.
      internetEgress: tcp(443),
      webhookPorts: tcp(LOAD_BALANCER_CONTROLLER_WEBHOOK_PORT),
      metricsPorts: tcp(LOAD_BALANCER_CONTROLLER_METRICS_PORT),
      reason:
        'the AWS Load Balancer Controller: the API, the AWS load balancing APIs, its webhook called by the API server',
    },
    [NAMESPACES.logging]: {
      ...NONE,
      // Filebeat enriches log lines with pod metadata.
      apiServer: true,
      sameNamespace: true,
      internalLoadBalancerPorts: tcp(KIBANA_PORT),
      reason: 'the log store: Elasticsearch and Kibana; Filebeat writes in from log-shipper',
    },
    [NAMESPACES.logShipper]: {
      ...NONE,
      // Filebeat enriches log lines with pod metadata; its writes to Elasticsearch cross namespaces.
      apiServer: true,
      reason: 'Filebeat: the API for pod metadata, Elasticsearch in logging on 9200',
    },
    [NAMESPACES.nodeExporter]: {
      ...NONE,
      // node-exporter runs in the host network, where NetworkPolicies do not apply; Prometheus
      // reaches it on the nodes' addresses (prometheus-scrapes), so nothing here is opened.
      reason: 'node-exporter: host-network pods, scraped on the node addresses on 9100',
    },
    [NAMESPACES.monitoring]: {
      ...NONE,
      apiServer: true,
      // Alertmanager's receiver (a webhook or mail relay over TLS).
      internetEgress: tcp(443),
      webhookPorts: tcp(10250),
      sameNamespace: true,
      internalLoadBalancerPorts: tcp(GRAFANA_PORT),
      reason: 'kube-prometheus-stack: the API, scrapes of every namespace and node, the alert receiver',
    },
  };
}

/** The flows of one namespace; refuses a namespace nobody declared flows for. */
export function flowsOf(flows: Readonly<Record<string, NamespaceFlows>>, namespace: string): NamespaceFlows {
  const found = flows[namespace];
  if (!found) {
    throw new Error(
      `namespace ${namespace}: no network flows are declared, so its default-deny would cut every connection; add its entry to namespaceFlows() in apps/platform/network-flows.ts`,
    );
  }
  return found;
}
