import { type Environment, IRSA_SERVICE_ACCOUNTS, irsaRoleArn, VERSIONS } from '../../environments';
import { SYNC_WAVES } from '../argocd/sync-waves';
import {
  type ContainerResources,
  type ContainerSecurityContextValues,
  type HelmRelease,
  type PodSecurityContextValues,
  RESTRICTED_CONTAINER_SECURITY_CONTEXT,
  restrictedPodSecurityContext,
} from '../lib/helm-release';

/**
 * The chart's security context keys per component: `podSecurityContext` is the pod's,
 * `securityContext` the container's. Helm merges these into the chart defaults, so the chart's
 * own `enabled: true` switch stays on.
 */
interface ComponentSecurity {
  readonly podSecurityContext: PodSecurityContextValues;
  readonly securityContext: ContainerSecurityContextValues;
}

const RESTRICTED: ComponentSecurity = {
  podSecurityContext: restrictedPodSecurityContext(),
  securityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT,
};

/** The values of the external-secrets chart this platform sets. */
export interface ExternalSecretsValues extends ComponentSecurity {
  readonly installCRDs: true;
  readonly serviceAccount: {
    readonly create: true;
    readonly name: string;
    readonly annotations: Readonly<Record<string, string>>;
  };
  readonly resources: ContainerResources;
  readonly webhook: ComponentSecurity & { readonly resources: ContainerResources };
  readonly certController: ComponentSecurity & { readonly resources: ContainerResources };
}

const SMALL: ContainerResources = {
  requests: { cpu: '20m', memory: '64Mi' },
  limits: { cpu: '200m', memory: '256Mi' },
};

/**
 * The external-secrets operator; its controller's service account assumes the IRSA role that
 * may read the environment's secrets in AWS Secrets Manager. https://external-secrets.io/
 */
export function externalSecretsRelease(env: Environment): HelmRelease<ExternalSecretsValues> {
  const account = IRSA_SERVICE_ACCOUNTS.externalSecrets;
  return {
    name: 'external-secrets',
    namespace: account.namespace,
    chart: VERSIONS.helmCharts.externalSecrets,
    syncWave: SYNC_WAVES.operators,
    values: {
      installCRDs: true,
      serviceAccount: {
        create: true,
        name: account.serviceAccount,
        annotations: { 'eks.amazonaws.com/role-arn': irsaRoleArn(env, 'externalSecrets') },
      },
      ...RESTRICTED,
      resources: SMALL,
      webhook: { ...RESTRICTED, resources: SMALL },
      certController: { ...RESTRICTED, resources: SMALL },
    },
    podSecurity: (
      [
        ['controller', ''],
        ['webhook', 'webhook.'],
        ['cert-controller', 'certController.'],
      ] as const
    ).map(([component, prefix]) => ({
      component,
      namespace: account.namespace,
      level: 'restricted' as const,
      podSecurityContexts: [`${prefix}podSecurityContext`],
      containerSecurityContexts: [`${prefix}securityContext`],
      why: 'one distroless container per pod as uid 1000, no host access',
    })),
  };
}
