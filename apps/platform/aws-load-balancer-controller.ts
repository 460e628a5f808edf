import {
  clusterName,
  type Environment,
  gdprLabels,
  IRSA_SERVICE_ACCOUNTS,
  irsaRoleArn,
  PROJECT,
  VERSIONS,
  vpcName,
} from '../../environments';
import { SYNC_WAVES } from '../argocd/sync-waves';
import { ALB_INGRESS_CLASS, ALB_SSL_POLICY } from '../lib/alb';
import { CONTROLLER_PROFILE } from '../lib/data-profiles';
import { type ContainerResources, type HelmRelease, RESTRICTED_CONTAINER_SECURITY_CONTEXT } from '../lib/helm-release';
import { type TopologySpread, zoneAndNodeSpread } from '../lib/topology-spread';

/** Release name; the chart's selector labels carry it as `app.kubernetes.io/instance`. */
export const LOAD_BALANCER_CONTROLLER = 'aws-load-balancer-controller';

/** The labels the chart selects the controller's pods by. */
export const LOAD_BALANCER_CONTROLLER_POD_LABELS = {
  'app.kubernetes.io/name': LOAD_BALANCER_CONTROLLER,
  'app.kubernetes.io/instance': LOAD_BALANCER_CONTROLLER,
} as const;

/**
 * The values of the aws-load-balancer-controller chart this platform sets, keys as the chart's
 * values.yaml names them at the pinned version (environments/versions.ts).
 */
export interface AwsLoadBalancerControllerValues {
  /** Required by the chart; the controller tags what it creates with it. */
  readonly clusterName: string;
  readonly region: string;
  /** Finds the VPC by tag: pods cannot reach the instance metadata service (IMDSv2, hop limit 1). */
  readonly vpcTags: Readonly<Record<string, string>>;
  readonly replicaCount: number;
  readonly serviceAccount: {
    readonly create: true;
    readonly name: string;
    readonly annotations: Readonly<Record<string, string>>;
  };
  readonly additionalLabels: Readonly<Record<string, string>>;
  readonly podLabels: Readonly<Record<string, string>>;
  readonly podSecurityContext: {
    readonly runAsNonRoot: true;
    readonly runAsUser: number;
    readonly runAsGroup: number;
    readonly fsGroup: number;
    readonly seccompProfile: { readonly type: 'RuntimeDefault' };
  };
  readonly securityContext: typeof RESTRICTED_CONTAINER_SECURITY_CONTEXT;
  readonly resources: ContainerResources;
  readonly topologySpreadConstraints: readonly TopologySpread[];
  readonly podDisruptionBudget: { readonly maxUnavailable: number };
  /** The webhook's serving certificate from cert-manager instead of one Helm regenerates at each render. */
  readonly enableCertManager: true;
  readonly ingressClass: string;
  readonly createIngressClassResource: true;
  readonly ingressClassConfig: { readonly default: false };
  readonly defaultTargetType: 'ip';
  readonly defaultSSLPolicy: string;
  readonly defaultTags: Readonly<Record<string, string>>;
  readonly enableServiceMutatorWebhook: false;
  /** Off: the ServiceMonitor CRD arrives in the same wave; a PodMonitor scrapes the controller instead. */
  readonly serviceMonitor: { readonly enabled: false };
}

/**
 * The AWS Load Balancer Controller: it turns the `alb` Ingresses into Application Load
 * Balancers with IP targets (pods in the private subnets, on their container ports), TLS from
 * the ACM certificates Terraform issues (found by host name) and an HTTP listener that only
 * redirects. Replaces ingress-nginx, retired upstream in March 2026.
 *
 * - Own namespace at Pod Security `restricted`: the controller binds no privileged port and
 *   needs no host access; the values below give it the pod and container context `restricted`
 *   asks for (the chart leaves out seccomp and the dropped capabilities).
 * - `enableCertManager`: without it the chart generates the webhook certificate with Helm's
 *   `genCA` on every render, which Argo CD sees as a diff on every refresh.
 * - `enableServiceMutatorWebhook: false`: that webhook (failurePolicy Fail) would capture every
 *   new LoadBalancer Service; the platform has none and wants no NLB.
 * - Synced after cert-manager (the webhook's Certificate), in the wave of the first Ingress
 *   (Grafana's): an Ingress is healthy only once the controller has given it a load balancer.
 *   Its metrics are scraped by a PodMonitor of the observability chart (a later wave, when the
 *   Prometheus operator's CRDs exist), not by the chart's ServiceMonitor.
 * https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/deploy/installation/
 */
export function awsLoadBalancerControllerRelease(env: Environment): HelmRelease<AwsLoadBalancerControllerValues> {
  const { namespace, serviceAccount } = IRSA_SERVICE_ACCOUNTS.loadBalancerController;
  const labels = gdprLabels(CONTROLLER_PROFILE);
  return {
    name: LOAD_BALANCER_CONTROLLER,
    namespace,
    chart: VERSIONS.helmCharts.awsLoadBalancerController,
    syncWave: SYNC_WAVES.operatorConfig,
    podSecurity: [
      {
        component: 'controller',
        namespace,
        level: 'restricted',
        podSecurityContexts: ['podSecurityContext'],
        containerSecurityContexts: ['securityContext'],
        why: 'one non-root container with no host access and no privileged port; the chart leaves out seccomp and the dropped capabilities, the values add them',
      },
    ],
    values: {
      clusterName: clusterName(env.name),
      region: env.region,
      vpcTags: { Name: vpcName(env.name) },
      replicaCount: 2,
      serviceAccount: {
        create: true,
        name: serviceAccount,
        annotations: { 'eks.amazonaws.com/role-arn': irsaRoleArn(env, 'loadBalancerController') },
      },
      additionalLabels: labels,
      podLabels: labels,
      // 65534 (nobody) is the chart's own fsGroup; naming the user lets the kubelet verify runAsNonRoot.
      podSecurityContext: {
        runAsNonRoot: true,
        runAsUser: 65534,
        runAsGroup: 65534,
        fsGroup: 65534,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      securityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT,
      resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
      topologySpreadConstraints: zoneAndNodeSpread(LOAD_BALANCER_CONTROLLER_POD_LABELS),
      // One of two replicas may go during a drain; only one is the leader at any time anyway.
      podDisruptionBudget: { maxUnavailable: 1 },
      enableCertManager: true,
      ingressClass: ALB_INGRESS_CLASS,
      createIngressClassResource: true,
      ingressClassConfig: { default: false },
      defaultTargetType: 'ip',
      defaultSSLPolicy: ALB_SSL_POLICY,
      // Load balancers, target groups and security groups carry the stack's own tags.
      defaultTags: {
        project: PROJECT,
        environment: env.name,
        owner: env.owner,
        'managed-by': LOAD_BALANCER_CONTROLLER,
      },
      enableServiceMutatorWebhook: false,
      serviceMonitor: { enabled: false },
    },
  };
}
