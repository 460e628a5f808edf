import { albGroupName, type EnvironmentName } from '../../environments';

/** The IngressClass the AWS Load Balancer Controller creates and serves. */
export const ALB_INGRESS_CLASS = 'alb';

/**
 * TLS 1.3 and 1.2 only, forward-secret AEAD ciphers: AWS's recommended ALB policy.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 */
export const ALB_SSL_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

/**
 * HSTS for a year, subdomains included. The ALB adds the header to every HTTPS response through
 * a listener attribute (ALB response header modification, November 2024), which ingress-nginx
 * used to do controller-wide; so the frontend's and the backend's own servers need not.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/header-modification.html
 */
export const HSTS_HEADER = 'max-age=31536000;includeSubDomains';

/** Who may reach an ALB: the internet (the shop) or only the VPC (admin UIs, via the SSM bastion). */
export type AlbExposure = 'public' | 'internal';

/** What one Ingress tells the controller beyond its rules. */
export interface AlbIngressOptions {
  readonly env: EnvironmentName;
  readonly exposure: AlbExposure;
  /** Path the ALB health-checks the pods on (they are the targets, on their container port). */
  readonly healthCheckPath: string;
  /** The pods serve HTTPS themselves (Kibana under ECK). @default false: HTTP inside the VPC */
  readonly httpsBackend?: boolean;
}

/**
 * Annotations of an Ingress served by an ALB of the controller. Every Ingress of an exposure
 * joins one IngressGroup, so the shop shares one internet-facing ALB and the admin UIs one
 * internal ALB. TLS terminates at the ALB on 443 with the ACM certificate the controller
 * discovers by the Ingress host (terraform/certificates); port 80 only redirects to 443.
 * https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/ingress/annotations/
 *
 * ALB to pod: plain HTTP inside the VPC, except where the pod already serves TLS (Kibana). The
 * encryption-in-transit requirement (GDPR Art. 32) is met on every network the platform does
 * not control: browser to ALB is TLS 1.2+. From the ALB to a pod the traffic stays in the
 * VPC's private address space, is admitted only from the ALB's subnets (NetworkPolicy, security
 * groups) and never crosses the internet. An ALB does not verify a target's certificate, so
 * TLS to the pods would add encryption but no authentication, at the price of a certificate
 * per pod rotated under load; that trade is recorded here and revisited if a threat model asks
 * for it.
 */
export function albIngressAnnotations(options: AlbIngressOptions): Record<string, string> {
  const backendProtocol = options.httpsBackend ? 'HTTPS' : 'HTTP';
  return {
    'alb.ingress.kubernetes.io/group.name': albGroupName(options.env, options.exposure),
    'alb.ingress.kubernetes.io/scheme': options.exposure === 'public' ? 'internet-facing' : 'internal',
    'alb.ingress.kubernetes.io/target-type': 'ip',
    'alb.ingress.kubernetes.io/listen-ports': '[{"HTTP":80},{"HTTPS":443}]',
    'alb.ingress.kubernetes.io/ssl-redirect': '443',
    'alb.ingress.kubernetes.io/ssl-policy': ALB_SSL_POLICY,
    'alb.ingress.kubernetes.io/listener-attributes.HTTPS-443': `routing.http.response.strict_transport_security.header_value=${HSTS_HEADER}`,
    // Requests with malformed headers are dropped rather than passed on (AWS FSBP ELB.4).
    'alb.ingress.kubernetes.io/load-balancer-attributes': 'routing.http.drop_invalid_header_fields.enabled=true',
    'alb.ingress.kubernetes.io/backend-protocol': backendProtocol,
    'alb.ingress.kubernetes.io/healthcheck-protocol': backendProtocol,
    'alb.ingress.kubernetes.io/healthcheck-path': options.healthCheckPath,
  };
}
