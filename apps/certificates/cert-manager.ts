import { VERSIONS } from '../../environments';
import { SYNC_WAVES } from '../argocd/sync-waves';
import { NAMESPACES } from '../lib/cluster';
import type { ContainerResources, HelmRelease } from '../lib/helm-release';

/** The values of the cert-manager chart this platform sets. */
export interface CertManagerValues {
  /** The chart installs and keeps its CRDs (kept on uninstall so certificates survive). */
  readonly crds: { readonly enabled: true; readonly keep: true };
  readonly resources: ContainerResources;
  readonly webhook: { readonly resources: ContainerResources };
  readonly cainjector: { readonly resources: ContainerResources };
}

const SMALL: ContainerResources = {
  requests: { cpu: '20m', memory: '64Mi' },
  limits: { cpu: '200m', memory: '256Mi' },
};

/**
 * cert-manager, for in-cluster certificates only: the logging namespace's CA (Filebeat→Logstash
 * TLS) and the AWS Load Balancer Controller's webhook certificate. Public TLS is ACM's
 * (terraform/certificates), so there is no ACME issuer and no HTTP-01 solver to reach.
 * https://cert-manager.io/docs/installation/helm/
 */
export function certManagerRelease(): HelmRelease<CertManagerValues> {
  return {
    name: 'cert-manager',
    namespace: NAMESPACES.certManager,
    chart: VERSIONS.helmCharts.certManager,
    syncWave: SYNC_WAVES.operators,
    values: {
      crds: { enabled: true, keep: true },
      resources: SMALL,
      webhook: { resources: SMALL },
      cainjector: { resources: SMALL },
    },
  };
}
