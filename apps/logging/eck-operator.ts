import { VERSIONS } from '../../environments';
import { SYNC_WAVES } from '../argocd/sync-waves';
import { NAMESPACES } from '../lib/cluster';
import {
  type ContainerResources,
  type ContainerSecurityContextValues,
  type HelmRelease,
  type PodSecurityContextValues,
  RESTRICTED_CONTAINER_SECURITY_CONTEXT,
  restrictedPodSecurityContext,
} from '../lib/helm-release';

/** The values of the eck-operator chart this platform sets. */
export interface EckOperatorValues {
  readonly installCRDs: true;
  /** The namespaces whose Elastic resources the operator manages; nothing else. */
  readonly managedNamespaces: readonly string[];
  readonly resources: ContainerResources;
  /** The operator pod's security context. */
  readonly podSecurityContext: PodSecurityContextValues;
  /** The operator container's security context. */
  readonly securityContext: ContainerSecurityContextValues;
}

/**
 * Elastic Cloud on Kubernetes: runs Elasticsearch, Kibana, Logstash and Beats from their CRs.
 * The chart's default pod context sets `runAsNonRoot` but no seccomp profile, so the
 * `restricted` level of elastic-system refused the operator pod
 * (https://github.com/elastic/cloud-on-k8s/issues/7167); the values below add RuntimeDefault.
 */
export function eckOperatorRelease(): HelmRelease<EckOperatorValues> {
  return {
    name: 'eck-operator',
    namespace: NAMESPACES.elasticSystem,
    chart: VERSIONS.helmCharts.eckOperator,
    syncWave: SYNC_WAVES.operators,
    values: {
      installCRDs: true,
      managedNamespaces: [NAMESPACES.logShipper, NAMESPACES.logging],
      resources: { requests: { cpu: '100m', memory: '150Mi' }, limits: { cpu: '1', memory: '1Gi' } },
      podSecurityContext: restrictedPodSecurityContext(),
      securityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT,
    },
    podSecurity: [
      {
        component: 'operator',
        namespace: NAMESPACES.elasticSystem,
        level: 'restricted',
        podSecurityContexts: ['podSecurityContext'],
        containerSecurityContexts: ['securityContext'],
        why: 'one operator container, no host access; the chart default lacks seccompProfile, set here',
      },
    ],
  };
}
