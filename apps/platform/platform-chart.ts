import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { type Environment, gdprLabels } from '../../environments';
import { CrossNamespaceNetworkPolicies, PROMETHEUS_PODS } from './cross-namespace-network-policies';
import { EncryptedStorageClass } from './encrypted-storage-class';
import { NamespaceNetworkPolicies } from './namespace-network-policies';
import { namespaceSpecs } from './namespaces';
import { flowsOf, type NamespaceFlows } from './network-flows';
import { AppNetworkPolicies } from './network-policies';

/** Props of {@link PlatformChart}. */
export interface PlatformChartProps {
  readonly env: Environment;
  /**
   * The flows of every namespace the chart creates, by name (`namespaceFlows` of the registered
   * apps); a namespace without an entry is refused, since its default deny would cut it off.
   */
  readonly flows: Readonly<Record<string, NamespaceFlows>>;
}

/**
 * The Pod Security Standards version of the namespaces: the cluster's own minor (`v1.35`), so the
 * rules checked are the ones the running API server ships. It follows `eks.version` of the model;
 * pinned there, an upgrade of the cluster is also the reviewed moment the standards move.
 * https://kubernetes.io/docs/concepts/security/pod-security-admission/#pod-security-admission-labels-for-namespaces
 */
export function podSecurityVersion(env: Environment): string {
  return `v${env.eks.version}`;
}

/**
 * What every other chart stands on: the namespaces (Pod Security Admission and GDPR labels),
 * in each of them a default deny of ingress and egress with the exact flows it needs, and the
 * encrypted default StorageClass.
 * Synced first (apps/argocd/sync-waves.ts).
 */
export class PlatformChart extends Chart {
  constructor(scope: Construct, id: string, props: PlatformChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const psaVersion = podSecurityVersion(props.env);
    for (const spec of namespaceSpecs(props.env)) {
      if (spec.enforce !== 'restricted' && !spec.reason) {
        throw new Error(
          `namespace ${spec.name}: PSA level "${spec.enforce}" needs a reason; give one or use restricted`,
        );
      }
      new kplus.Namespace(this, `namespace-${spec.name}`, {
        metadata: {
          name: spec.name,
          labels: {
            'pod-security.kubernetes.io/enforce': spec.enforce,
            'pod-security.kubernetes.io/enforce-version': psaVersion,
            'pod-security.kubernetes.io/audit': 'restricted',
            'pod-security.kubernetes.io/audit-version': psaVersion,
            'pod-security.kubernetes.io/warn': 'restricted',
            'pod-security.kubernetes.io/warn-version': psaVersion,
            ...gdprLabels(spec.profile),
            ...spec.labels,
          },
          ...(spec.reason ? { annotations: { 'ecolaura.io/pod-security-reason': spec.reason } } : {}),
        },
      });
    }
    new EncryptedStorageClass(this, 'storage-class', { env: props.env });
    const { flows } = props;
    for (const spec of namespaceSpecs(props.env)) {
      new NamespaceNetworkPolicies(this, `network-${spec.name}`, {
        env: props.env,
        namespace: spec.name,
        flows: flowsOf(flows, spec.name),
        prometheus: PROMETHEUS_PODS,
      });
    }
    new CrossNamespaceNetworkPolicies(this, 'cross-namespace-network', { env: props.env, flows });
    new AppNetworkPolicies(this, 'network-policies', { env: props.env });
  }
}
