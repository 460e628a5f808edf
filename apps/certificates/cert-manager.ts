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

/** The security contexts of one cert-manager component, under its own key in the values. */
interface ComponentSecurity {
  readonly securityContext: PodSecurityContextValues;
  readonly containerSecurityContext: ContainerSecurityContextValues;
}

/** The values of the cert-manager chart this platform sets. */
export interface CertManagerValues extends ComponentSecurity {
  /** The chart installs and keeps its CRDs (kept on uninstall so certificates survive). */
  readonly crds: { readonly enabled: true; readonly keep: true };
  readonly resources: ContainerResources;
  readonly webhook: ComponentSecurity & { readonly resources: ContainerResources };
  readonly cainjector: ComponentSecurity & { readonly resources: ContainerResources };
  /** The post-install Job that waits for the webhook (an Argo CD PostSync hook). */
  readonly startupapicheck: ComponentSecurity;
}

const SMALL: ContainerResources = {
  requests: { cpu: '20m', memory: '64Mi' },
  limits: { cpu: '200m', memory: '256Mi' },
};

/**
 * Restricted for every component. The chart's own defaults are already restricted at this
 * version; they are spelled out so a chart upgrade that changes a default cannot loosen them.
 */
const RESTRICTED: ComponentSecurity = {
  securityContext: restrictedPodSecurityContext(),
  containerSecurityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT,
};

const COMPONENTS = [
  ['controller', ''],
  ['webhook', 'webhook.'],
  ['cainjector', 'cainjector.'],
  ['startupapicheck', 'startupapicheck.'],
] as const;

/**
 * cert-manager, for in-cluster certificates only: the AWS Load Balancer Controller's webhook
 * certificate. Public TLS is ACM's (terraform/certificates), so there is no ACME issuer and no
 * HTTP-01 solver to reach. https://cert-manager.io/docs/installation/helm/
 */
export function certManagerRelease(): HelmRelease<CertManagerValues> {
  return {
    name: 'cert-manager',
    namespace: NAMESPACES.certManager,
    chart: VERSIONS.helmCharts.certManager,
    syncWave: SYNC_WAVES.operators,
    values: {
      crds: { enabled: true, keep: true },
      ...RESTRICTED,
      resources: SMALL,
      webhook: { ...RESTRICTED, resources: SMALL },
      cainjector: { ...RESTRICTED, resources: SMALL },
      startupapicheck: RESTRICTED,
    },
    podSecurity: COMPONENTS.map(([component, prefix]) => ({
      component,
      namespace: NAMESPACES.certManager,
      level: 'restricted' as const,
      podSecurityContexts: [`${prefix}securityContext`],
      containerSecurityContexts: [`${prefix}containerSecurityContext`],
      why: 'one distroless non-root container per pod, no host access; the chart takes pod and container contexts per component',
    })),
  };
}
