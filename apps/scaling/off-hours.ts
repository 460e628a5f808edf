import {
  IntOrString,
  KubeCronJob,
  KubeNetworkPolicy,
  KubeRole,
  KubeRoleBinding,
  KubeServiceAccount,
  type PodSpec,
  Quantity,
} from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { gdprLabels, type OffHoursSpec, PROJECT, VERSIONS } from '../../environments';
import { NAMESPACES } from '../lib/cluster';
import { CONTROLLER_PROFILE } from '../lib/data-profiles';

/** Name of the service account, Role and RoleBinding the off-hours CronJobs run with. */
export const OFF_HOURS_SCALER = 'off-hours-scaler';

/** Where a pod finds its service account token and the cluster CA. */
const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** Props of {@link OffHours}. */
export interface OffHoursProps {
  /** The private subnets, where EKS places the control plane's network interfaces. */
  readonly privateSubnetCidrs: readonly string[];
  /** The schedule, from the model (`env.offHours`). */
  readonly schedule: OffHoursSpec;
  /** Deployments of the app namespace to put to sleep, with the replicas they wake up with. */
  readonly deployments: Readonly<Record<string, number>>;
}

/**
 * Scales the shop to zero outside working hours and back in the morning (dev), saving the
 * energy of pods that serve nobody — and, through the cluster autoscaler, of their nodes.
 *
 * Two CronJobs PATCH the `scale` subresource of each Deployment with the pod's own token, as a
 * service account whose Role may only `patch` `deployments/scale` of exactly these Deployments:
 * no read of anything, no other verb, no other object. curl (already the platform's pinned
 * job image) speaks to the API directly, so no kubectl image has to be kept in support.
 *
 * The HPAs do not fight it: the HPA controller stops acting on a target scaled to zero
 * ("ScalingDisabled") and resumes once the morning job restores `minReplicas`, and Argo CD
 * ignores `/spec/replicas` of these Deployments (`ignoreDifferences`, apps/argocd), so neither
 * undoes the night. https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#implicit-maintenance-mode-deactivation
 */
export class OffHours extends Construct {
  constructor(scope: Construct, id: string, props: OffHoursProps) {
    super(scope, id);
    const namespace = NAMESPACES.app;
    const labels = {
      'app.kubernetes.io/name': OFF_HOURS_SCALER,
      'app.kubernetes.io/part-of': PROJECT,
      ...gdprLabels(CONTROLLER_PROFILE),
    };
    const names = Object.keys(props.deployments).sort();

    new KubeServiceAccount(this, 'service-account', {
      metadata: { name: OFF_HOURS_SCALER, namespace, labels },
      automountServiceAccountToken: false,
    });
    new KubeRole(this, 'role', {
      metadata: { name: OFF_HOURS_SCALER, namespace, labels },
      rules: [{ apiGroups: ['apps'], resources: ['deployments/scale'], resourceNames: names, verbs: ['patch'] }],
    });
    new KubeRoleBinding(this, 'role-binding', {
      metadata: { name: OFF_HOURS_SCALER, namespace, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: OFF_HOURS_SCALER },
      subjects: [{ kind: 'ServiceAccount', name: OFF_HOURS_SCALER, namespace }],
    });

    // The app namespace denies all egress (apps/platform/network-policies.ts); these pods need
    // the API server, which EKS reaches through ENIs in the cluster's private subnets.
    // https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
    new KubeNetworkPolicy(this, 'network-policy', {
      metadata: { name: OFF_HOURS_SCALER, namespace, labels },
      spec: {
        podSelector: { matchLabels: { 'app.kubernetes.io/name': OFF_HOURS_SCALER } },
        policyTypes: ['Egress'],
        egress: [
          {
            to: props.privateSubnetCidrs.map((cidr) => ({ ipBlock: { cidr } })),
            ports: [{ protocol: 'TCP', port: IntOrString.fromNumber(443) }],
          },
        ],
      },
    });

    const scaleTo = (replicas: (name: string) => number) =>
      [
        'set -eu',
        `TOKEN="$(cat ${SERVICE_ACCOUNT_DIR}/token)"`,
        ...names.map(
          (name) =>
            `curl --fail --silent --show-error --cacert ${SERVICE_ACCOUNT_DIR}/ca.crt -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/merge-patch+json' -X PATCH --data '{"spec":{"replicas":${replicas(name)}}}' "https://kubernetes.default.svc/apis/apps/v1/namespaces/${namespace}/deployments/${name}/scale" >/dev/null && echo "${name}: ${replicas(name)} replicas"`,
        ),
      ].join('\n');

    this.cronJob(
      'scale-down',
      props.schedule.scaleDown,
      props.schedule.timeZone,
      labels,
      scaleTo(() => 0),
    );
    this.cronJob(
      'scale-up',
      props.schedule.scaleUp,
      props.schedule.timeZone,
      labels,
      scaleTo((name) => props.deployments[name] ?? 1),
    );
  }

  private cronJob(
    action: string,
    schedule: string,
    timeZone: string,
    labels: Record<string, string>,
    script: string,
  ): void {
    const name = `${OFF_HOURS_SCALER}-${action}`;
    const podLabels = { ...labels, 'app.kubernetes.io/component': action };
    const pod: PodSpec = {
      serviceAccountName: OFF_HOURS_SCALER,
      // The one pod of the app namespace that talks to the API, so the only one with a token.
      automountServiceAccountToken: true,
      restartPolicy: 'OnFailure',
      securityContext: {
        runAsNonRoot: true,
        runAsUser: 100,
        runAsGroup: 101,
        seccompProfile: { type: 'RuntimeDefault' },
      },
      containers: [
        {
          name: action,
          image: VERSIONS.curlImage,
          imagePullPolicy: 'IfNotPresent',
          command: ['/bin/sh', '-c', script],
          securityContext: {
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            privileged: false,
            readOnlyRootFilesystem: true,
            runAsNonRoot: true,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          resources: {
            requests: { cpu: Quantity.fromString('10m'), memory: Quantity.fromString('16Mi') },
            limits: { cpu: Quantity.fromString('100m'), memory: Quantity.fromString('64Mi') },
          },
        },
      ],
    };
    new KubeCronJob(this, action, {
      metadata: { name, namespace: NAMESPACES.app, labels: podLabels },
      spec: {
        schedule,
        timeZone,
        // A run missed while the controller was down still counts within the hour after.
        startingDeadlineSeconds: 3600,
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 1,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          metadata: { labels: podLabels },
          spec: {
            backoffLimit: 3,
            activeDeadlineSeconds: 300,
            template: { metadata: { labels: podLabels }, spec: pod },
          },
        },
      },
    });
  }
}
