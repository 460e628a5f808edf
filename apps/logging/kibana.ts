import { KubeIngress } from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { type Environment, VERSIONS } from '../../environments';
import { CLUSTER_ISSUER, INGRESS_CLASS, NAMESPACES } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';
import { eckPodTemplate } from './eck-pod-template';
import type { KibanaManifest } from './eck-resources';
import { ELASTICSEARCH_NAME } from './elasticsearch';
import { loggingSyncWave } from './logging-names';

/** Props of {@link Kibana}. */
export interface KibanaProps {
  readonly env: Environment;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * Kibana on the model's host. Kibana keeps ECK's TLS, so the ingress controller speaks HTTPS to
 * it as well: traffic is encrypted from the browser to the pod.
 */
export class Kibana extends Construct {
  constructor(scope: Construct, id: string, props: KibanaProps) {
    super(scope, id);
    const name = ELASTICSEARCH_NAME;
    customResource<KibanaManifest>(this, {
      apiVersion: 'kibana.k8s.elastic.co/v1',
      kind: 'Kibana',
      metadata: {
        name,
        namespace: NAMESPACES.logging,
        labels: { ...props.labels },
        annotations: loggingSyncWave('writers'),
      },
      spec: {
        version: VERSIONS.elasticStack,
        count: 1,
        elasticsearchRef: { name: ELASTICSEARCH_NAME },
        podTemplate: eckPodTemplate({
          container: 'kibana',
          labels: props.labels,
          resources: { requests: { cpu: '200m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
          // ECK documents a read-only root filesystem for Elasticsearch only; Kibana writes
          // runtime files under its home directory.
          readOnlyRootFilesystem: false,
        }),
      },
    });

    const host = props.env.domains.kibana;
    new KubeIngress(this, 'ingress', {
      metadata: {
        name: 'kibana',
        namespace: NAMESPACES.logging,
        labels: { ...props.labels },
        annotations: {
          'cert-manager.io/cluster-issuer': CLUSTER_ISSUER,
          'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true',
          'nginx.ingress.kubernetes.io/backend-protocol': 'HTTPS',
        },
      },
      spec: {
        ingressClassName: INGRESS_CLASS,
        tls: [{ hosts: [host], secretName: 'kibana-tls' }],
        rules: [
          {
            host,
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  // ECK names Kibana's Service `<name>-kb-http`, port 5601.
                  backend: { service: { name: `${name}-kb-http`, port: { number: 5601 } } },
                },
              ],
            },
          },
        ],
      },
    });
  }
}
