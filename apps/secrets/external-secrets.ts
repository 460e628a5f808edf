import { type Environment, IRSA_SERVICE_ACCOUNTS, irsaRoleArn, VERSIONS } from '../../environments';
import { SYNC_WAVES } from '../argocd/sync-waves';
import type { ContainerResources, HelmRelease } from '../lib/helm-release';

/** The values of the external-secrets chart this platform sets. */
export interface ExternalSecretsValues {
  readonly installCRDs: true;
  readonly serviceAccount: {
    readonly create: true;
    readonly name: string;
    readonly annotations: Readonly<Record<string, string>>;
  };
  readonly resources: ContainerResources;
  readonly webhook: { readonly resources: ContainerResources };
  readonly certController: { readonly resources: ContainerResources };
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
      resources: SMALL,
      webhook: { resources: SMALL },
      certController: { resources: SMALL },
    },
  };
}
