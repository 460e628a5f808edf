import { DATA_PROFILES, type DataProfile, type Environment } from '../../environments';
import { NAMESPACES } from '../lib/cluster';

/** Pod Security Admission levels. https://kubernetes.io/docs/concepts/security/pod-security-admission/ */
export type PodSecurityLevel = 'restricted' | 'baseline' | 'privileged';

/** One namespace the platform chart creates. */
export interface NamespaceSpec {
  readonly name: string;
  /** What the namespace's workloads hold, in GDPR terms. */
  readonly profile: DataProfile;
  /** The enforced PSA level; `audit` and `warn` are always `restricted`. */
  readonly enforce: PodSecurityLevel;
  /** Why a level below `restricted` is needed; required when `enforce` is not `restricted`. */
  readonly reason?: string;
}

/**
 * Logs keep the GDPR profile of operational logs, with the retention this environment's
 * lifecycle policy really applies, so the label states what happens to the data.
 */
export function operationalLogsProfile(env: Environment): DataProfile {
  const days = env.observability.logRetentionDays;
  const ceiling = DATA_PROFILES.operationalLogs.retentionDays;
  if (days > ceiling) {
    throw new Error(
      `${env.name}.observability.logRetentionDays: ${days} exceeds the ${ceiling} days GDPR allows for operational logs (environments/gdpr.ts); lower it`,
    );
  }
  return { ...DATA_PROFILES.operationalLogs, retentionDays: days };
}

/** Operators and controllers: they move configuration and credentials, never personal data. */
const CONTROLLER_PROFILE: DataProfile = { personalData: false, classification: 'confidential' };

/** Every namespace the platform creates, sorted by name. `kube-system` and `argocd` pre-exist. */
export function namespaceSpecs(env: Environment): NamespaceSpec[] {
  const specs: NamespaceSpec[] = [
    { name: NAMESPACES.app, profile: DATA_PROFILES.customerData, enforce: 'restricted' },
    { name: NAMESPACES.certManager, profile: CONTROLLER_PROFILE, enforce: 'restricted' },
    { name: NAMESPACES.elasticSystem, profile: CONTROLLER_PROFILE, enforce: 'restricted' },
    { name: NAMESPACES.externalSecrets, profile: CONTROLLER_PROFILE, enforce: 'restricted' },
    {
      name: NAMESPACES.ingress,
      // Access logs carry client IP addresses.
      profile: operationalLogsProfile(env),
      enforce: 'baseline',
      reason: 'the ingress-nginx controller binds ports 80/443 and keeps NET_BIND_SERVICE with privilege escalation',
    },
    {
      name: NAMESPACES.logging,
      profile: operationalLogsProfile(env),
      enforce: 'privileged',
      reason: 'Filebeat reads container logs from the node through hostPath volumes',
    },
    {
      name: NAMESPACES.monitoring,
      profile: DATA_PROFILES.metrics,
      enforce: 'privileged',
      reason: 'node-exporter reads node metrics with hostNetwork, hostPID and hostPath',
    },
  ];
  return specs.sort((a, b) => a.name.localeCompare(b.name));
}
