import type { IClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1/ClusterIssuer';
import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import type { Environment } from '../../environments';
import { CLUSTER_ISSUER, INGRESS_CLASS } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';

/** Let's Encrypt's production ACME directory. https://letsencrypt.org/docs/acme-protocol-updates/ */
export const ACME_SERVER = 'https://acme-v02.api.letsencrypt.org/directory';

/** Props of {@link CertificatesChart}. */
export interface CertificatesChartProps {
  readonly env: Environment;
}

/**
 * The platform's ClusterIssuer: certificates from Let's Encrypt, proven over HTTP-01 through
 * the nginx ingress class. A chart of its own because it must be synced after cert-manager
 * (its CRD) and before the Ingresses that ask for it.
 */
export class CertificatesChart extends Chart {
  constructor(scope: Construct, id: string, props: CertificatesChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    customResource<IClusterIssuer>(this, {
      apiVersion: 'cert-manager.io/v1',
      kind: 'ClusterIssuer',
      metadata: { name: CLUSTER_ISSUER },
      spec: {
        acme: {
          server: ACME_SERVER,
          // Expiry notices go to the team that owns the environment.
          email: `${props.env.owner}@ecolaura.eu`,
          privateKeySecretRef: { name: `${CLUSTER_ISSUER}-account-key` },
          solvers: [{ http01: { ingress: { class: INGRESS_CLASS } } }],
        },
      },
    });
  }
}
