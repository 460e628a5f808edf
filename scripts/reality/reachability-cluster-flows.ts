/**
 * The flows judged on the Kubernetes side, by pod and namespace: the pod ends of the AWS flows
 * (load balancers to their targets, the backend to PostgreSQL, the API server to webhooks, pods
 * to the API), DNS for every namespace, every Prometheus scrape, the log pipeline hop by hop, the
 * ACME HTTP-01 solver when an issuer uses it, and the forbidden ones: any pod but the database's
 * clients to PostgreSQL, any undeclared namespace to another's pods. Ports and namespaces come
 * from the model (environments/, apps/platform/network-flows.ts), never typed again here.
 */

import { NAMESPACES } from '../../apps/lib/cluster';
import { namespaceFlows } from '../../apps/platform/network-flows';
import { registeredApps } from '../../apps/registry';
import type { Environment } from '../../environments/model';
import {
  BACKEND_PORT,
  DNS_PORT,
  FRONTEND_PORT,
  GRAFANA_PORT,
  HTTPS_PORT,
  KIBANA_PORT,
  KUBELET_PORT,
  POSTGRES_PORT,
  type PortRange,
} from '../../environments/ports';
import { isRecord } from '../core/is-record';
import type { ClusterIndex, Labels, Peer, Pod } from './network-policy-index';
import { type Address, sampleOf } from './reachability-aws-stack';
import type { FlowExpectation } from './reachability-types';

export interface ClusterFlow {
  readonly name: string;
  readonly expectation: FlowExpectation;
  readonly protocols: readonly ('tcp' | 'udp')[];
  readonly ports: PortRange;
  readonly from: readonly Peer[];
  readonly to: readonly Peer[];
  /** Set when the flow does not exist in this environment: what was looked for, and why it is absent. */
  readonly notApplicable?: { readonly rule: string; readonly detail: string };
}

/** Elasticsearch's HTTP port, which Filebeat, Kibana and the ECK operator call. */
const ELASTICSEARCH_PORT = 9200;
/** node-exporter's port, on the nodes' addresses (host network). */
const NODE_EXPORTER_PORT = 9100;
/** The port cert-manager's HTTP-01 solver pods listen on: https://cert-manager.io/docs/configuration/acme/http01/ */
const ACME_SOLVER_PORT = 8089;
const one = (port: number): PortRange => [port, port];

/** The workloads allowed to open connections to PostgreSQL: the backend and its role-bootstrapping Job. */
const DATABASE_CLIENTS: readonly string[] = [
  `Deployment/${NAMESPACES.app}/backend`,
  `Job/${NAMESPACES.app}/database-roles`,
];

function anyPod(namespace: string, labels: Labels = {}, what = `any pod of ${namespace}`): Peer {
  return { kind: 'pod', pod: { namespace, labels, label: what, namedPorts: {} } };
}

function address(cidr: string, label: string): Peer {
  return { kind: 'address', address: sampleOf(cidr) as Address, label: `${label} (${cidr})` };
}

function podsOf(index: ClusterIndex, predicate: (pod: Pod & { address: string }) => boolean): Peer[] {
  return index.pods.filter(predicate).map((pod) => ({ kind: 'pod', pod }));
}

function workload(index: ClusterIndex, address: string): Peer[] {
  return podsOf(index, (p) => p.address === address);
}

function eckPods(index: ClusterIndex, type: string): Peer[] {
  return podsOf(index, (p) => p.labels['common.k8s.elastic.co/type'] === type);
}

interface FlowSpec {
  readonly name: string;
  readonly expectation?: FlowExpectation;
  readonly protocols?: readonly ('tcp' | 'udp')[];
  readonly ports: PortRange;
  readonly from: readonly Peer[];
  readonly to: readonly Peer[];
}

function flow(spec: FlowSpec): ClusterFlow {
  const missing = spec.from.length === 0 ? 'from' : spec.to.length === 0 ? 'to' : undefined;
  return {
    expectation: 'needed',
    protocols: ['tcp'],
    ...spec,
    ...(missing
      ? { notApplicable: { rule: 'pod templates', detail: `no pod on the ${missing} side in the manifests` } }
      : {}),
  };
}

function acmeSolverFlows(
  resources: readonly { type: string; values: Record<string, unknown>; namespace: string | null }[],
  publicLb: Peer[],
): ClusterFlow[] {
  const http01 = resources.some(
    (r) =>
      (r.type === 'Issuer' || r.type === 'ClusterIssuer') &&
      isRecord(r.values.spec) &&
      isRecord(r.values.spec.acme) &&
      Array.isArray(r.values.spec.acme.solvers) &&
      r.values.spec.acme.solvers.some((s) => isRecord(s) && s.http01 !== undefined),
  );
  const name = 'acme-http01-solver';
  if (!http01) {
    return [
      {
        name,
        expectation: 'needed',
        protocols: ['tcp'],
        ports: one(ACME_SOLVER_PORT),
        from: [],
        to: [],
        notApplicable: {
          rule: 'Issuer, ClusterIssuer',
          detail: 'no issuer uses an ACME HTTP-01 solver: cert-manager signs in-cluster certificates only',
        },
      },
    ];
  }
  const namespaces = [
    ...new Set(resources.filter((r) => r.type === 'Certificate' && r.namespace).map((r) => r.namespace as string)),
  ];
  // The solver pods carry this label in the Certificate's namespace: https://cert-manager.io/docs/configuration/acme/http01/
  const solvers = namespaces.map((ns) =>
    anyPod(ns, { 'acme.cert-manager.io/http01-solver': 'true' }, `the HTTP-01 solver pods of ${ns}`),
  );
  return [flow({ name, ports: one(ACME_SOLVER_PORT), from: publicLb, to: solvers })];
}

/** Every flow the Kubernetes side must carry or refuse in one environment. */
export function clusterFlows(
  env: Environment,
  index: ClusterIndex,
  resources: readonly { type: string; values: Record<string, unknown>; namespace: string | null }[],
): ClusterFlow[] {
  const publicLb = env.network.publicSubnets.map((s) => address(s.cidr, 'the internet-facing ALB'));
  const privateTier = (label: string) => env.network.privateSubnets.map((s) => address(s.cidr, label));
  const declared = namespaceFlows(registeredApps(), env);
  const namespaces = [...index.namespaces.keys()].sort();
  const frontend = workload(index, `Deployment/${NAMESPACES.app}/frontend`);
  const backend = workload(index, `Deployment/${NAMESPACES.app}/backend`);
  const elasticsearch = eckPods(index, 'elasticsearch');
  const internet: Peer = {
    kind: 'address',
    address: sampleOf('198.51.100.7/32') as Address,
    label: 'the internet, through NAT',
  };
  const prometheus = [anyPod(NAMESPACES.monitoring, { 'app.kubernetes.io/name': 'prometheus' }, 'Prometheus')];

  const flows: ClusterFlow[] = [
    flow({ name: 'alb-to-frontend', ports: one(FRONTEND_PORT), from: publicLb, to: frontend }),
    flow({ name: 'alb-to-backend', ports: one(BACKEND_PORT), from: publicLb, to: backend }),
    flow({
      name: 'internal-lb-to-grafana',
      ports: one(GRAFANA_PORT),
      from: privateTier('the internal ALB'),
      to: [anyPod(NAMESPACES.monitoring, { 'app.kubernetes.io/name': 'grafana' }, 'Grafana')],
    }),
    flow({
      name: 'internal-lb-to-kibana',
      ports: one(KIBANA_PORT),
      from: privateTier('the internal ALB'),
      to: eckPods(index, 'kibana'),
    }),
    flow({
      name: 'backend-to-database',
      ports: one(POSTGRES_PORT),
      from: backend,
      to: privateTier('the RDS instance'),
    }),
    flow({
      name: 'filebeat-to-elasticsearch',
      ports: one(ELASTICSEARCH_PORT),
      from: eckPods(index, 'beat'),
      to: elasticsearch,
    }),
    flow({
      name: 'kibana-to-elasticsearch',
      ports: one(ELASTICSEARCH_PORT),
      from: eckPods(index, 'kibana'),
      to: elasticsearch,
    }),
    flow({
      name: 'eck-operator-to-elasticsearch',
      ports: one(ELASTICSEARCH_PORT),
      from: [anyPod(NAMESPACES.elasticSystem, {}, 'the ECK operator')],
      to: elasticsearch,
    }),
    flow({
      name: 'prometheus-scrapes-nodes',
      ports: one(NODE_EXPORTER_PORT),
      from: prometheus,
      to: privateTier('node-exporter on the nodes'),
    }),
    flow({
      name: 'prometheus-scrapes-kubelets',
      ports: one(KUBELET_PORT),
      from: prometheus,
      to: privateTier('the kubelets'),
    }),
    ...acmeSolverFlows(resources, publicLb),
  ];
  for (const namespace of namespaces) {
    const pods = [anyPod(namespace), ...podsOf(index, (p) => p.namespace === namespace)];
    const own = declared[namespace];
    flows.push(
      flow({
        name: `dns-from-${namespace}`,
        protocols: ['udp', 'tcp'],
        ports: one(DNS_PORT),
        from: pods,
        to: [anyPod(NAMESPACES.kubeSystem, { 'k8s-app': 'kube-dns' }, 'CoreDNS')],
      }),
    );
    if (own?.apiServer)
      flows.push(
        flow({
          name: `api-from-${namespace}`,
          ports: one(HTTPS_PORT),
          from: [anyPod(namespace)],
          to: privateTier('the EKS API endpoint'),
        }),
      );
    for (const port of own?.webhookPorts ?? []) {
      flows.push(
        flow({
          name: `api-to-webhooks-${namespace}-${port.port}`,
          ports: one(port.port),
          from: privateTier('the EKS control plane'),
          to: [anyPod(namespace)],
        }),
      );
    }
    for (const port of own?.internetEgress ?? []) {
      flows.push(
        flow({
          name: `internet-from-${namespace}-${port.port}`,
          ports: one(port.port),
          from: [anyPod(namespace)],
          to: [internet],
        }),
      );
    }
    for (const port of own?.metricsPorts ?? []) {
      flows.push(
        flow({
          name: `prometheus-scrapes-${namespace}-${port.port}`,
          ports: one(port.port),
          from: prometheus,
          to: [anyPod(namespace)],
        }),
      );
    }
    flows.push(
      flow({
        name: `undeclared-namespace-to-${namespace}`,
        expectation: 'forbidden',
        ports: [1, 65535],
        from: [anyPod('undeclared', {}, 'a pod of a namespace no flow declares')],
        to: pods,
      }),
    );
  }
  const others = [
    ...podsOf(index, (p) => !DATABASE_CLIENTS.includes(p.address)),
    ...namespaces.map((ns) => anyPod(ns)),
  ];
  flows.push(
    flow({
      name: 'other-pods-to-database',
      expectation: 'forbidden',
      ports: one(POSTGRES_PORT),
      from: others,
      to: privateTier('the RDS instance'),
    }),
  );
  return flows;
}
