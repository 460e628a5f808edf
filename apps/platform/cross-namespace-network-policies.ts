import { KubeNetworkPolicy, type NetworkPolicySpec } from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import type { Environment } from '../../environments';
import { NAMESPACES } from '../lib/cluster';
import { NAME_LABEL } from '../lib/labels';
import { cidrs, FLOW_REASON_ANNOTATION, podsIn, ports, privateSubnetCidrs } from './namespace-network-policies';
import { API_SERVER_PORT, ELASTICSEARCH_HTTP_PORT, type FlowPort, type NamespaceFlows } from './network-flows';

/** The Prometheus pods of kube-prometheus-stack (the operator labels them so). */
export const PROMETHEUS_PODS = podsIn(NAMESPACES.monitoring, { [NAME_LABEL]: 'prometheus' });

/**
 * Node endpoints Prometheus scrapes: the kubelet and cAdvisor (10250) and node-exporter, which
 * runs in the host network (9100). The API server port is repeated in the same rule: the
 * VPC CNI keys its rules by CIDR, so one rule per CIDR keeps the ports together.
 */
const NODE_SCRAPE_PORTS: FlowPort[] = [
  { port: 9100, protocol: 'TCP' },
  { port: 10250, protocol: 'TCP' },
  { port: API_SERVER_PORT, protocol: 'TCP' },
];

/** CoreDNS's metrics port, which kube-prometheus-stack scrapes in kube-system. */
const COREDNS_METRICS: FlowPort = { port: 9153, protocol: 'TCP' };

/** Props of {@link CrossNamespaceNetworkPolicies}. */
export interface CrossNamespaceNetworkPoliciesProps {
  readonly env: Environment;
  /** The flows of every namespace the platform creates, by name. */
  readonly flows: Readonly<Record<string, NamespaceFlows>>;
}

/**
 * The flows that cross namespaces, each written on both ends (egress where it starts,
 * ingress where it lands): Prometheus scraping every namespace's metrics ports and the nodes,
 * the ECK operator managing Elasticsearch, and Filebeat writing into it.
 */
export class CrossNamespaceNetworkPolicies extends Construct {
  constructor(scope: Construct, id: string, props: CrossNamespaceNetworkPoliciesProps) {
    super(scope, id);
    const { env, flows } = props;

    const scraped = Object.entries(flows)
      .filter(([, flow]) => flow.metricsPorts.length > 0)
      .sort(([a], [b]) => a.localeCompare(b));
    this.policy(
      NAMESPACES.monitoring,
      'prometheus-scrapes',
      'Prometheus scrapes metrics in every namespace and on the nodes',
      {
        podSelector: { matchLabels: { [NAME_LABEL]: 'prometheus' } },
        policyTypes: ['Egress'],
        egress: [
          ...scraped.map(([namespace, flow]) => ({ to: [podsIn(namespace)], ports: ports(flow.metricsPorts) })),
          { to: [podsIn(NAMESPACES.kubeSystem, { 'k8s-app': 'kube-dns' })], ports: ports([COREDNS_METRICS]) },
          { to: cidrs(privateSubnetCidrs(env)), ports: ports(NODE_SCRAPE_PORTS) },
        ],
      },
    );

    // The operator manages the cluster through its HTTP API (settings, shard allocation on
    // rolling upgrades). https://www.elastic.co/guide/en/cloud-on-k8s/current/k8s-network-policies.html
    const eckReason = 'the ECK operator manages Elasticsearch through its HTTP API';
    const elasticsearchHttp = ports([{ port: ELASTICSEARCH_HTTP_PORT, protocol: 'TCP' }]);
    this.policy(NAMESPACES.elasticSystem, 'eck-operator-to-elasticsearch', eckReason, {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [podsIn(NAMESPACES.logging)], ports: elasticsearchHttp }],
    });
    this.policy(NAMESPACES.logging, 'elasticsearch-from-eck-operator', eckReason, {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [podsIn(NAMESPACES.elasticSystem)], ports: elasticsearchHttp }],
    });

    // Filebeat writes straight into Elasticsearch's data stream (ECK association, TLS verified).
    const shipperReason = 'Filebeat ships container logs into Elasticsearch';
    this.policy(NAMESPACES.logShipper, 'filebeat-to-elasticsearch', shipperReason, {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{ to: [podsIn(NAMESPACES.logging)], ports: elasticsearchHttp }],
    });
    this.policy(NAMESPACES.logging, 'elasticsearch-from-filebeat', shipperReason, {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [{ from: [podsIn(NAMESPACES.logShipper)], ports: elasticsearchHttp }],
    });
  }

  private policy(namespace: string, name: string, reason: string, spec: NetworkPolicySpec): void {
    new KubeNetworkPolicy(this, `${namespace}-${name}`, {
      metadata: { name, namespace, annotations: { [FLOW_REASON_ANNOTATION]: reason } },
      spec,
    });
  }
}
