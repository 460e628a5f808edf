import { clusterName, type Environment, IRSA_SERVICE_ACCOUNTS, irsaRoleArn, VERSIONS } from '../../environments';
import { SYNC_WAVES } from '../argocd/sync-waves';
import {
  type ContainerResources,
  type ContainerSecurityContextValues,
  type HelmRelease,
  type PodSecurityContextValues,
  RESTRICTED_CONTAINER_SECURITY_CONTEXT,
  restrictedPodSecurityContext,
} from '../lib/helm-release';

/** The uid the chart's own commented example runs the autoscaler as; any non-root uid works. */
const AUTOSCALER_UID = 1001;

/** The values of the cluster-autoscaler chart this platform sets. */
export interface ClusterAutoscalerValues {
  readonly cloudProvider: 'aws';
  readonly awsRegion: string;
  readonly autoDiscovery: { readonly clusterName: string };
  readonly image: { readonly tag: string };
  readonly rbac: {
    readonly serviceAccount: {
      readonly create: true;
      readonly name: string;
      readonly annotations: Readonly<Record<string, string>>;
    };
  };
  readonly extraArgs: Readonly<Record<string, string | boolean>>;
  readonly resources: ContainerResources;
  /** The pod's security context (the chart calls the pod-level one `securityContext`). */
  readonly securityContext: PodSecurityContextValues;
  readonly containerSecurityContext: ContainerSecurityContextValues;
}

/**
 * Adds and removes nodes of the EKS node groups tagged for auto-discovery, through its IRSA
 * role. https://github.com/kubernetes/autoscaler/blob/master/cluster-autoscaler/cloudprovider/aws/README.md
 */
export function clusterAutoscalerRelease(env: Environment): HelmRelease<ClusterAutoscalerValues> {
  const account = IRSA_SERVICE_ACCOUNTS.clusterAutoscaler;
  return {
    name: 'cluster-autoscaler',
    namespace: account.namespace,
    chart: VERSIONS.helmCharts.clusterAutoscaler,
    syncWave: SYNC_WAVES.operators,
    values: {
      cloudProvider: 'aws',
      awsRegion: env.region,
      autoDiscovery: { clusterName: clusterName(env.name) },
      image: { tag: VERSIONS.clusterAutoscalerImage },
      rbac: {
        serviceAccount: {
          create: true,
          name: account.serviceAccount,
          annotations: { 'eks.amazonaws.com/role-arn': irsaRoleArn(env, 'clusterAutoscaler') },
        },
      },
      extraArgs: {
        'balance-similar-node-groups': true,
        expander: 'least-waste',
        'skip-nodes-with-system-pods': false,
      },
      resources: { requests: { cpu: '100m', memory: '300Mi' }, limits: { cpu: '500m', memory: '600Mi' } },
      securityContext: restrictedPodSecurityContext(AUTOSCALER_UID),
      containerSecurityContext: RESTRICTED_CONTAINER_SECURITY_CONTEXT,
    },
    podSecurity: [
      {
        component: 'cluster-autoscaler',
        namespace: account.namespace,
        // kube-system carries no Pod Security labels on EKS, so nothing is enforced there; the
        // pod is held to restricted anyway so moving it to a labelled namespace changes nothing.
        level: 'privileged',
        podSecurityContexts: ['securityContext'],
        containerSecurityContexts: ['containerSecurityContext'],
        why: 'kube-system is unlabelled (privileged) on EKS; the values still make the pod restricted-compliant: non-root uid, RuntimeDefault seccomp, no capabilities, read-only root',
      },
    ],
  };
}
