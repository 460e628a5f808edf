/**
 * The NetworkPolicies, namespaces and pod templates of one `clusters/<env>` group, indexed for the
 * reachability verifier, with the NetworkPolicy semantics of networking.k8s.io/v1:
 * https://kubernetes.io/docs/concepts/services-networking/network-policies/
 * A pod is isolated in a direction once any policy selecting it lists that direction; it then
 * admits exactly what the union of those policies' rules admits. `ipBlock` peers match addresses
 * outside the pod network only (nodes, load balancers, the database, the internet): the
 * specification leaves pod IPs in an ipBlock to the implementation, so they never vouch for a pod.
 */

import type { PortRange } from '../../environments/ports';
import { isRecord } from '../core/is-record';
import type { PolicyResource } from '../gate/types';
import { inRange } from './port-segments';
import { type Address, cidrContains } from './reachability-aws-stack';

export type Labels = Readonly<Record<string, string>>;

/** A pod as NetworkPolicies see it: its namespace and labels, plus where it comes from. */
export interface Pod {
  readonly namespace: string;
  readonly labels: Labels;
  /** What it stands for: `Deployment/ecolaura/backend`, or `any pod of monitoring`. */
  readonly label: string;
  /** Container port names → numbers, for named ports. */
  readonly namedPorts: Readonly<Record<string, number>>;
}

export type Peer =
  | { readonly kind: 'pod'; readonly pod: Pod }
  | { readonly kind: 'address'; readonly address: Address; readonly label: string };

interface Selector {
  readonly matchLabels: Labels;
  readonly matchExpressions: readonly { key: string; operator: string; values: readonly string[] }[];
}

interface PeerSelector {
  readonly podSelector?: Selector;
  readonly namespaceSelector?: Selector;
  readonly ipBlock?: { readonly cidr: string; readonly except: readonly string[] };
}

interface PortSelector {
  readonly protocol: string;
  readonly port: number | string | undefined;
  readonly endPort: number | undefined;
}

interface PolicyRule {
  /** Undefined: every peer. */
  readonly peers: readonly PeerSelector[] | undefined;
  /** Undefined: every port. */
  readonly ports: readonly PortSelector[] | undefined;
}

export type Direction = 'ingress' | 'egress';

export interface NetworkPolicy {
  readonly address: string;
  readonly namespace: string;
  readonly podSelector: Selector;
  readonly types: ReadonlySet<Direction>;
  readonly rules: Readonly<Record<Direction, readonly PolicyRule[]>>;
}

export interface ClusterIndex {
  readonly policies: readonly NetworkPolicy[];
  readonly namespaces: ReadonlyMap<string, { readonly address: string; readonly labels: Labels }>;
  /** Pod templates found in the manifests (workloads and the ECK resources whose pods are known). */
  readonly pods: readonly (Pod & { readonly address: string })[];
}

function stringRecord(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function selector(value: unknown): Selector {
  const record = isRecord(value) ? value : {};
  const expressions = Array.isArray(record.matchExpressions) ? record.matchExpressions.filter(isRecord) : [];
  return {
    matchLabels: stringRecord(record.matchLabels),
    matchExpressions: expressions.map((e) => ({
      key: String(e.key),
      operator: String(e.operator),
      values: Array.isArray(e.values) ? e.values.map(String) : [],
    })),
  };
}

export function selects(s: Selector, labels: Labels): boolean {
  return (
    Object.entries(s.matchLabels).every(([key, value]) => labels[key] === value) &&
    s.matchExpressions.every(({ key, operator, values }) => {
      const has = key in labels;
      switch (operator) {
        case 'In':
          return has && values.includes(labels[key] as string);
        case 'NotIn':
          return !has || !values.includes(labels[key] as string);
        case 'Exists':
          return has;
        case 'DoesNotExist':
          return !has;
        default:
          return false;
      }
    })
  );
}

function peerSelectors(value: unknown): PeerSelector[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.filter(isRecord).map((peer) => ({
    ...(isRecord(peer.podSelector) ? { podSelector: selector(peer.podSelector) } : {}),
    ...(isRecord(peer.namespaceSelector) ? { namespaceSelector: selector(peer.namespaceSelector) } : {}),
    ...(isRecord(peer.ipBlock) && typeof peer.ipBlock.cidr === 'string'
      ? {
          ipBlock: {
            cidr: peer.ipBlock.cidr,
            except: Array.isArray(peer.ipBlock.except) ? peer.ipBlock.except.map(String) : [],
          },
        }
      : {}),
  }));
}

function portSelectors(value: unknown): PortSelector[] | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  return value.filter(isRecord).map((p) => ({
    protocol: typeof p.protocol === 'string' ? p.protocol.toLowerCase() : 'tcp',
    port: typeof p.port === 'number' || typeof p.port === 'string' ? p.port : undefined,
    endPort: typeof p.endPort === 'number' ? p.endPort : undefined,
  }));
}

function policyOf(resource: PolicyResource): NetworkPolicy {
  const spec = isRecord(resource.values.spec) ? resource.values.spec : {};
  const listed = Array.isArray(spec.policyTypes) ? spec.policyTypes.map((t) => String(t).toLowerCase()) : undefined;
  // Without policyTypes, a policy isolates ingress always and egress when it has egress rules.
  const types = new Set<Direction>(
    (listed ?? ['ingress', ...(spec.egress !== undefined ? ['egress'] : [])]).filter(
      (t): t is Direction => t === 'ingress' || t === 'egress',
    ),
  );
  const rules = (list: unknown, peersKey: 'from' | 'to'): PolicyRule[] =>
    (Array.isArray(list) ? list : []).map((rule) => ({
      peers: peerSelectors(isRecord(rule) ? rule[peersKey] : undefined),
      ports: portSelectors(isRecord(rule) ? rule.ports : undefined),
    }));
  return {
    address: resource.address,
    namespace: resource.namespace ?? 'default',
    podSelector: selector(spec.podSelector),
    types,
    rules: { ingress: rules(spec.ingress, 'from'), egress: rules(spec.egress, 'to') },
  };
}

const WORKLOAD_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  Deployment: ['spec', 'template'],
  StatefulSet: ['spec', 'template'],
  DaemonSet: ['spec', 'template'],
  ReplicaSet: ['spec', 'template'],
  Job: ['spec', 'template'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template'],
  Pod: [],
};

/**
 * The labels ECK puts on the pods of its resources, on top of the podTemplate's own:
 * https://www.elastic.co/guide/en/cloud-on-k8s/current/k8s-common-labels.html (names per kind).
 */
const ECK_POD_LABELS: Readonly<Record<string, (name: string) => Labels>> = {
  Elasticsearch: (name) => ({
    'common.k8s.elastic.co/type': 'elasticsearch',
    'elasticsearch.k8s.elastic.co/cluster-name': name,
  }),
  Kibana: (name) => ({ 'common.k8s.elastic.co/type': 'kibana', 'kibana.k8s.elastic.co/name': name }),
  Beat: (name) => ({ 'common.k8s.elastic.co/type': 'beat', 'beat.k8s.elastic.co/name': name }),
};

function at(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, key) => (isRecord(v) ? v[key] : undefined), value);
}

function namedPorts(template: unknown): Record<string, number> {
  const containers = at(template, ['spec', 'containers']);
  const ports: Record<string, number> = {};
  for (const container of Array.isArray(containers) ? containers.filter(isRecord) : []) {
    for (const port of Array.isArray(container.ports) ? container.ports.filter(isRecord) : []) {
      if (typeof port.name === 'string' && typeof port.containerPort === 'number')
        ports[port.name] = port.containerPort;
    }
  }
  return ports;
}

function podOf(resource: PolicyResource): (Pod & { address: string }) | undefined {
  const namespace = resource.namespace;
  if (!namespace) return undefined;
  const path = WORKLOAD_TEMPLATES[resource.type];
  const eck = resource.apiVersion?.includes('k8s.elastic.co') ? ECK_POD_LABELS[resource.type] : undefined;
  if (path === undefined && !eck) return undefined;
  const template = path === undefined ? at(resource.values, ['spec', 'podTemplate']) : at(resource.values, path);
  // A host-network pod uses its node's address: NetworkPolicies do not apply to it.
  if (at(template, ['spec', 'hostNetwork']) === true) return undefined;
  const labels = { ...stringRecord(at(template, ['metadata', 'labels'])), ...(eck ? eck(resource.name) : {}) };
  return { namespace, labels, label: resource.address, namedPorts: namedPorts(template), address: resource.address };
}

export function indexCluster(resources: readonly PolicyResource[]): ClusterIndex {
  const kubernetes = resources.filter((r) => r.source === 'kubernetes');
  return {
    policies: kubernetes
      .filter((r) => r.type === 'NetworkPolicy' && r.apiVersion === 'networking.k8s.io/v1')
      .map(policyOf)
      .sort((a, b) => a.address.localeCompare(b.address)),
    namespaces: new Map(
      kubernetes
        .filter((r) => r.type === 'Namespace' && r.apiVersion === 'v1')
        .map((r) => [r.name, { address: r.address, labels: { ...r.tags, 'kubernetes.io/metadata.name': r.name } }]),
    ),
    pods: kubernetes.flatMap((r) => podOf(r) ?? []),
  };
}

function namespaceLabels(index: ClusterIndex, namespace: string): Labels {
  // The API server labels every namespace with its name, also those the manifests do not create.
  return index.namespaces.get(namespace)?.labels ?? { 'kubernetes.io/metadata.name': namespace };
}

function peerMatches(index: ClusterIndex, selectorOf: PeerSelector, peer: Peer, policyNamespace: string): boolean {
  if (selectorOf.ipBlock) {
    const block = selectorOf.ipBlock;
    return (
      peer.kind === 'address' &&
      cidrContains(block.cidr, peer.address) &&
      !block.except.some((c) => cidrContains(c, peer.address))
    );
  }
  if (peer.kind !== 'pod' || (!selectorOf.podSelector && !selectorOf.namespaceSelector)) return false;
  const namespaceOk = selectorOf.namespaceSelector
    ? selects(selectorOf.namespaceSelector, namespaceLabels(index, peer.pod.namespace))
    : peer.pod.namespace === policyNamespace;
  return namespaceOk && (!selectorOf.podSelector || selects(selectorOf.podSelector, peer.pod.labels));
}

function portMatches(selectorOf: PortSelector, protocol: string, port: number, target: Peer): boolean {
  if (selectorOf.protocol !== protocol) return false;
  if (selectorOf.port === undefined) return true;
  if (typeof selectorOf.port === 'string')
    return target.kind === 'pod' && target.pod.namedPorts[selectorOf.port] === port;
  return inRange(port, [selectorOf.port, selectorOf.endPort ?? selectorOf.port]);
}

const PORT_RANGES = new WeakMap<ClusterIndex, PortRange[]>();

/** The numeric port ranges the policies mention: where a policy's answer can change. */
export function policyPortRanges(index: ClusterIndex): PortRange[] {
  const known = PORT_RANGES.get(index);
  if (known) return known;
  const ranges = index.policies.flatMap((p) =>
    [...p.rules.ingress, ...p.rules.egress].flatMap((rule) =>
      (rule.ports ?? []).flatMap((s): PortRange[] =>
        typeof s.port === 'number' ? [[s.port, s.endPort ?? s.port]] : [],
      ),
    ),
  );
  PORT_RANGES.set(index, ranges);
  return ranges;
}

export interface SideVerdict {
  readonly allowed: boolean;
  /** The policy (or namespace) that decided. */
  readonly rule: string;
  readonly words: string;
}

/**
 * Whether `pod` lets `peer` in (ingress) or lets itself out to `peer` (egress) on one port.
 * `target` is the destination, whose named ports a rule may use.
 */
export function judgeSide(
  index: ClusterIndex,
  pod: Pod,
  direction: Direction,
  peer: Peer,
  protocol: string,
  port: number,
): SideVerdict {
  const target: Peer = direction === 'ingress' ? { kind: 'pod', pod } : peer;
  const isolating = index.policies.filter(
    (p) => p.namespace === pod.namespace && p.types.has(direction) && selects(p.podSelector, pod.labels),
  );
  if (isolating.length === 0) {
    return {
      allowed: true,
      rule: index.namespaces.get(pod.namespace)?.address ?? `namespace ${pod.namespace}`,
      words: `no NetworkPolicy isolates ${direction} of ${pod.label}`,
    };
  }
  const allowing = isolating.find((p) =>
    p.rules[direction].some(
      (rule) =>
        (rule.peers === undefined || rule.peers.some((s) => peerMatches(index, s, peer, p.namespace))) &&
        (rule.ports === undefined || rule.ports.some((s) => portMatches(s, protocol, port, target))),
    ),
  );
  const peerLabel = peer.kind === 'pod' ? peer.pod.label : peer.label;
  if (allowing)
    return {
      allowed: true,
      rule: allowing.address,
      words: `${allowing.address} admits ${direction} ${protocol} ${port} ${direction === 'ingress' ? 'from' : 'to'} ${peerLabel}`,
    };
  // A policy with no rule in this direction is a default deny: the reason nothing gets through.
  const denying = isolating.find((p) => p.rules[direction].length === 0) ?? isolating[0];
  return {
    allowed: false,
    rule: (denying as NetworkPolicy).address,
    words: `${pod.label} is isolated for ${direction} (${isolating.map((p) => p.address).join(', ')}) and no rule admits ${protocol} ${port} ${direction === 'ingress' ? 'from' : 'to'} ${peerLabel}`,
  };
}
