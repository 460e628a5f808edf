import type { IClusterSecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ClusterSecretStore';
import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { type Environment, IRSA_SERVICE_ACCOUNTS } from '../../environments';
import { AWS_SECRET_STORE } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';
import { AdminLogins } from './admin-logins';

/** Props of {@link SecretsChart}. */
export interface SecretsChartProps {
  readonly env: Environment;
}

/**
 * The ClusterSecretStore every ExternalSecret reads through: AWS Secrets Manager in the
 * environment's region, authenticated with the external-secrets service account's IRSA role
 * (no static AWS keys anywhere), and the generated admin logins of the platform's UIs that must
 * exist before their applications start. https://external-secrets.io/latest/provider/aws-secrets-manager/
 */
export class SecretsChart extends Chart {
  constructor(scope: Construct, id: string, props: SecretsChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const account = IRSA_SERVICE_ACCOUNTS.externalSecrets;
    customResource<IClusterSecretStore>(this, {
      apiVersion: 'external-secrets.io/v1beta1',
      kind: 'ClusterSecretStore',
      metadata: { name: AWS_SECRET_STORE },
      spec: {
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
