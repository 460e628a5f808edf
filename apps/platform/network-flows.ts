import type { Environment } from '../../environments';
import type { AppDescriptor, NamespaceNeeds } from '../lib/app-descriptor';

/** A port and its protocol, as a NetworkPolicy rule lists it. */
export interface FlowPort {
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
}

/** TCP ports as a NetworkPolicy rule lists them. */
export const tcp = (...ports: number[]): FlowPort[] => ports.map((port) => ({ port, protocol: 'TCP' }));

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

/**
 * The flows of every namespace, added up from the network needs each registered app declares
 * (`network` of apps/<app>/app.ts): flags or-ed, ports joined and sorted, reasons joined in app
 * order. Ports are the charts' defaults at the pinned versions (environments/versions.ts); a
 * chart that moves a port moves it in its app. The app namespace's pod-to-pod and database flows
 * live in `network-policies.ts`.
 */
export function namespaceFlows(
  apps: readonly AppDescriptor[],
  env: Environment,
): Readonly<Record<string, NamespaceFlows>> {
  const byNamespace = new Map<string, NamespaceNeeds[]>();
  for (const app of apps) {
    for (const [namespace, needs] of Object.entries(app.network?.(env) ?? {})) {
      byNamespace.set(namespace, [...(byNamespace.get(namespace) ?? []), needs]);
    }
  }
  return Object.fromEntries(
    [...byNamespace].sort(([a], [b]) => a.localeCompare(b)).map(([namespace, needs]) => [namespace, addUp(needs)]),
  );
}

function addUp(needs: readonly NamespaceNeeds[]): NamespaceFlows {
  const any = (flag: 'apiServer' | 'sameNamespace') => needs.some((need) => need[flag] === true);
  const joined = (list: PortList) => {
    const seen = new Map(needs.flatMap((need) => need[list] ?? []).map((p) => [`${p.protocol}/${p.port}`, p]));
    return [...seen.values()].sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
  };
  return {
    apiServer: any('apiServer'),
    internetEgress: joined('internetEgress'),
    webhookPorts: joined('webhookPorts'),
    metricsPorts: joined('metricsPorts'),
    sameNamespace: any('sameNamespace'),
    publicLoadBalancerPorts: joined('publicLoadBalancerPorts'),
    internalLoadBalancerPorts: joined('internalLoadBalancerPorts'),
    reason: needs.map((need) => need.reason).join('; '),
  };
}

type PortList =
  | 'internetEgress'
  | 'webhookPorts'
  | 'metricsPorts'
  | 'publicLoadBalancerPorts'
  | 'internalLoadBalancerPorts';

/** The flows of one namespace; refuses a namespace nobody declared flows for. */
export function flowsOf(flows: Readonly<Record<string, NamespaceFlows>>, namespace: string): NamespaceFlows {
  const found = flows[namespace];
  if (!found) {
    throw new Error(
      `namespace ${namespace}: no network flows are declared, so its default-deny would cut every connection; declare them in \`network\` of the app.ts (apps/<app>/) whose pods run there`,
    );
  }
  return found;
}
