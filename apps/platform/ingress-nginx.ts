import { type Environment, gdprLabels, VERSIONS } from '../../environments';
import { SYNC_WAVES } from '../argocd/sync-waves';
import { INGRESS_CLASS, NAMESPACES } from '../lib/cluster';
import { operationalLogsProfile } from '../lib/data-profiles';
import type { ContainerResources, HelmRelease } from '../lib/helm-release';

/** The values of the ingress-nginx chart this platform sets. */
export interface IngressNginxValues {
  readonly commonLabels: Readonly<Record<string, string>>;
  readonly controller: {
    readonly replicaCount: number;
    readonly ingressClass: string;
    readonly ingressClassResource: { readonly name: string; readonly default: boolean; readonly enabled: true };
    /** Entries of the controller's ConfigMap. https://kubernetes.github.io/ingress-nginx/user-guide/nginx-configuration/configmap/ */
    readonly config: Readonly<Record<string, string>>;
    readonly allowSnippetAnnotations: false;
    readonly service: { readonly annotations: Readonly<Record<string, string>> };
    readonly metrics: { readonly enabled: true; readonly serviceMonitor: { readonly enabled: true } };
    readonly resources: ContainerResources;
  };
}

/** MIME types nginx compresses: text the shop and its API send, never already compressed images. */
const GZIP_TYPES = [
  'application/javascript',
  'application/json',
  'application/xml',
  'image/svg+xml',
  'text/css',
  'text/html',
  'text/javascript',
  'text/plain',
];

/**
 * The ingress controller, behind an AWS Network Load Balancer. Controller-wide: gzip compression
 * (the platform's data compression: fewer bytes on the wire), HSTS for a year with subdomains,
 * plain HTTP redirected to HTTPS, TLS 1.2+ only, and no snippet annotations (they allow config
 * injection). Synced after kube-prometheus-stack, whose CRD its ServiceMonitor needs.
 */
export function ingressNginxRelease(env: Environment): HelmRelease<IngressNginxValues> {
  return {
    name: 'ingress-nginx',
    namespace: NAMESPACES.ingress,
    chart: VERSIONS.helmCharts.ingressNginx,
    syncWave: SYNC_WAVES.operatorConfig,
    podSecurity: [
      {
        component: 'controller',
        namespace: NAMESPACES.ingress,
        level: 'baseline',
        podSecurityContexts: [],
        containerSecurityContexts: [],
        why: 'the chart runs nginx with NET_BIND_SERVICE and allowPrivilegeEscalation for ports 80/443 (being replaced by the AWS Load Balancer Controller, issue 8 item 3)',
      },
    ],
    values: {
      commonLabels: gdprLabels(operationalLogsProfile(env)),
      controller: {
        replicaCount: 2,
        ingressClass: INGRESS_CLASS,
        ingressClassResource: { name: INGRESS_CLASS, default: true, enabled: true },
        config: {
          'use-gzip': 'true',
          'gzip-level': '5',
          'gzip-min-length': '1024',
          'gzip-types': GZIP_TYPES.join(' '),
          hsts: 'true',
          'hsts-max-age': '31536000',
          'hsts-include-subdomains': 'true',
          'ssl-redirect': 'true',
          'force-ssl-redirect': 'true',
          'ssl-protocols': 'TLSv1.2 TLSv1.3',
          'use-forwarded-headers': 'false',
        },
        allowSnippetAnnotations: false,
        service: {
          annotations: {
            'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb',
            'service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled': 'true',
          },
        },
        metrics: { enabled: true, serviceMonitor: { enabled: true } },
        resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '1', memory: '512Mi' } },
      },
    },
  };
}
