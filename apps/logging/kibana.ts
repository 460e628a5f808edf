import { KubeIngress } from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { ADMIN_UI_LABEL, type Environment, VERSIONS } from '../../environments';
import { ALB_INGRESS_CLASS, albIngressAnnotations } from '../lib/alb';
import { NAMESPACES } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';
import { GeneratedLogin } from '../lib/generated-login';
import { eckPodTemplate } from './eck-pod-template';
import type { KibanaManifest } from './eck-resources';
import { ELASTICSEARCH_NAME, KIBANA_LOGIN_SECRET } from './elasticsearch';
import { loggingSyncWave } from './logging-names';

/** Props of {@link Kibana}. */
export interface KibanaProps {
  readonly env: Environment;
  readonly labels: Readonly<Record<string, string>>;
}

/** The people's Kibana user: reads logs and dashboards, changes nothing. */
export const KIBANA_LOGIN = { username: 'log-reader', roles: ['viewer'] } as const;

/**
 * Kibana on the model's host, on the internal ALB only: reachable from inside the VPC (through
 * the SSM bastion), never from the internet. Kibana keeps ECK's TLS, so the ALB speaks HTTPS to
 * it as well and traffic is encrypted from the browser to the pod.
 *
 * The way in is not the `elastic` superuser (whose ECK-generated password stays for machines
 * such as the lifecycle-policy job): people log in as a file-realm user with the built-in
 * read-only `viewer` role, whose password external-secrets generates in the cluster. ECK takes a
 * `kubernetes.io/basic-auth` Secret with `username`, `password` and optional `roles` as a
 * file-realm entry and hashes the password itself.
 * https://www.elastic.co/guide/en/cloud-on-k8s/current/k8s-users-and-roles.html
 * SSO (OIDC/SAML) would need a paid Elastic subscription; the internal ALB is the network
 * boundary instead.
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

    new GeneratedLogin(this, 'login', {
      name: KIBANA_LOGIN_SECRET,
      namespace: NAMESPACES.logging,
      labels: props.labels,
      type: 'kubernetes.io/basic-auth',
      data: { username: KIBANA_LOGIN.username, password: '{{ .password }}', roles: KIBANA_LOGIN.roles.join(',') },
    });

    const host = props.env.domains.kibana;
    new KubeIngress(this, 'ingress', {
      metadata: {
        name: 'kibana',
        namespace: NAMESPACES.logging,
        labels: { ...props.labels, [ADMIN_UI_LABEL]: 'true' },
        // `/login` answers 200 without a session; `/api/status` asks for one.
        annotations: albIngressAnnotations({
          env: props.env.name,
          exposure: 'internal',
          healthCheckPath: '/login',
          httpsBackend: true,
        }),
      },
      spec: {
        ingressClassName: ALB_INGRESS_CLASS,
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
