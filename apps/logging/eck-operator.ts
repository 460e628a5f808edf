import { VERSIONS } from '../../environments';
import { SYNC_WAVES } from '../argocd/sync-waves';
import { NAMESPACES } from '../lib/cluster';
import type { ContainerResources, HelmRelease } from '../lib/helm-release';

/** The values of the eck-operator chart this platform sets. */
export interface EckOperatorValues {
  readonly installCRDs: true;
  /** The namespaces whose Elastic resources the operator manages; nothing else. */
  readonly managedNamespaces: readonly string[];
  readonly resources: ContainerResources;
}

/** Elastic Cloud on Kubernetes: runs Elasticsearch, Kibana, Logstash and Beats from their CRs. */
export function eckOperatorRelease(): HelmRelease<EckOperatorValues> {
  return {
    name: 'eck-operator',
    namespace: NAMESPACES.elasticSystem,
    chart: VERSIONS.helmCharts.eckOperator,
    syncWave: SYNC_WAVES.operators,
    values: {
      installCRDs: true,
      managedNamespaces: [NAMESPACES.logging],
      resources: { requests: { cpu: '100m', memory: '150Mi' }, limits: { cpu: '1', memory: '1Gi' } },
    },
  };
}
