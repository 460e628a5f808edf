import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { type Environment, IRSA_SERVICE_ACCOUNTS } from '../../environments';
import { AWS_SECRET_STORE } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';
import { type ClusterSecretStoreV1, EXTERNAL_SECRETS_API } from '../lib/external-secrets-api';
import { AdminLogins } from './admin-logins';

/** Props of {@link SecretsChart}. */
export interface SecretsChartProps {
  readonly env: Environment;
  /**
   * The namespaces allowed to read the store: those whose ExternalSecrets reference it
   * (`secretStoreConsumerNamespaces`). No default: a store open to every namespace would let any
   * namespace's ExternalSecret read every secret the IRSA role can.
   */
  readonly consumerNamespaces: readonly string[];
}

/**
 * The ClusterSecretStore every ExternalSecret reads through: AWS Secrets Manager in the
 * environment's region, authenticated with the external-secrets service account's IRSA role
 * (no static AWS keys anywhere). `spec.conditions` admits only the namespaces that hold an
 * ExternalSecret for it: the IRSA role may read every secret of the environment, so a
 * ClusterSecretStore without conditions would hand them to an ExternalSecret in any namespace.
 * One ClusterSecretStore with conditions rather than a SecretStore per namespace keeps a single
 * IRSA trust (the controller's service account) instead of one role per namespace.
 * https://external-secrets.io/latest/api/clustersecretstore/
 * It also holds the generated admin logins of the platform's UIs, which must exist before their
 * applications start.
 */
export class SecretsChart extends Chart {
  constructor(scope: Construct, id: string, props: SecretsChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    if (props.consumerNamespaces.length === 0) {
      throw new Error(
        `ClusterSecretStore ${AWS_SECRET_STORE} (${props.env.name}): consumerNamespaces is empty, so spec.conditions would admit no namespace; declare the ExternalSecret that reads it, or remove the store`,
      );
    }
    const account = IRSA_SERVICE_ACCOUNTS.externalSecrets;
    customResource<ClusterSecretStoreV1>(this, {
      apiVersion: EXTERNAL_SECRETS_API,
      kind: 'ClusterSecretStore',
      metadata: { name: AWS_SECRET_STORE },
      spec: {
        conditions: [{ namespaces: [...props.consumerNamespaces].sort() }],
        provider: {
          aws: {
            service: 'SecretsManager',
            region: props.env.region,
            auth: { jwt: { serviceAccountRef: { name: account.serviceAccount, namespace: account.namespace } } },
          },
        },
      },
    });
    new AdminLogins(this, 'admin-logins');
  }
}
