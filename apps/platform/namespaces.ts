import { DATA_PROFILES, type DataProfile, type Environment } from '../../environments';
import { NAMESPACES } from '../lib/cluster';
import { CONTROLLER_PROFILE, operationalLogsProfile } from '../lib/data-profiles';

import type { PodSecurityLevel } from '../lib/helm-release';

export type { PodSecurityLevel };

/** One namespace the platform chart creates. */
export interface NamespaceSpec {
  readonly name: string;
  /** What the namespace's workloads hold, in GDPR terms. */
  readonly profile: DataProfile;
  /** The enforced PSA level; `audit` and `warn` are always `restricted`. */
  readonly enforce: PodSecurityLevel;
  /** Why a level below `restricted` is needed; required when `enforce` is not `restricted`. */
  readonly reason?: string;
  /** Further labels the namespace needs. @default none */
  readonly labels?: Readonly<Record<string, string>>;
}

/**
 * Has the AWS Load Balancer Controller add a readiness gate to the namespace's pods behind an
 * ALB: a rolling update waits until the new pod is healthy in the target group before it goes on,
 * so IP targets never leave the ALB without a healthy pod.
 * https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/pod_readiness_gate/
 */
export const POD_READINESS_GATE_LABEL = { 'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled' } as const;

/** Every namespace the platform creates, sorted by name. `kube-system` and `argocd` pre-exist. */
export function namespaceSpecs(env: Environment): NamespaceSpec[] {
  const specs: NamespaceSpec[] = [
    {
      name: NAMESPACES.app,
      profile: DATA_PROFILES.customerData,
      enforce: 'restricted',
      labels: POD_READINESS_GATE_LABEL,
    },
    { name: NAMESPACES.certManager, profile: CONTROLLER_PROFILE, enforce: 'restricted' },
    { name: NAMESPACES.elasticSystem, profile: CONTROLLER_PROFILE, enforce: 'restricted' },
    { name: NAMESPACES.externalSecrets, profile: CONTROLLER_PROFILE, enforce: 'restricted' },
    // The AWS Load Balancer Controller only calls AWS and Kubernetes APIs: no privileged port, no
    // host access, and its chart values give it the restricted security context.
    { name: NAMESPACES.ingress, profile: CONTROLLER_PROFILE, enforce: 'restricted' },
    {
      name: NAMESPACES.logging,
      profile: operationalLogsProfile(env),
      enforce: 'baseline',
      reason:
        'ECK writes the init containers of Elasticsearch and Kibana itself, without the capability drop and seccomp profile restricted asks for (elastic/cloud-on-k8s#7167); no pod here needs host access, so baseline holds and audit/warn stay restricted',
    },
    {
      name: NAMESPACES.logShipper,
      profile: operationalLogsProfile(env),
      enforce: 'privileged',
      reason: 'Filebeat reads container logs from the node through read-only hostPath volumes, which baseline forbids',
    },
    // Every pod of kube-prometheus-stack passes restricted except node-exporter, which gets a
    // namespace of its own instead of lowering monitoring (apps/observability/kube-prometheus-stack.ts).
    { name: NAMESPACES.monitoring, profile: DATA_PROFILES.metrics, enforce: 'restricted' },
    {
      name: NAMESPACES.nodeExporter,
      profile: DATA_PROFILES.metrics,
      enforce: 'privileged',
      reason:
        'node-exporter reads node metrics with hostNetwork, hostPID and read-only hostPath mounts of /, /proc and /sys, which baseline forbids',
    },
  ];
  return specs.sort((a, b) => a.name.localeCompare(b.name));
}
