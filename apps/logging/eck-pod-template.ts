import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { ContainerResources } from '../lib/helm-release';

/** Props of {@link eckPodTemplate}. */
export interface EckPodTemplateProps {
  /** Name of the container ECK creates (`elasticsearch`, `kibana`, `filebeat`). */
  readonly container: string;
  /** Labels of the pods: the GDPR labels of the logs they hold, at least. */
  readonly labels: Readonly<Record<string, string>>;
  readonly resources: ContainerResources;
  /** @default true; false only where the product writes under its home and says why. */
  readonly readOnlyRootFilesystem?: boolean;
  /** User id; left to the image (which runs as a non-root uid) unless given. @default image's */
  readonly runAsUser?: number;
  /** Extra fields of the container (env, volumeMounts, probes). @default none */
  readonly containerExtras?: Readonly<Record<string, unknown>>;
  /** Extra fields of the pod spec (serviceAccountName, volumes). @default none */
  readonly podExtras?: Readonly<Record<string, unknown>>;
}

/**
 * The pod template ECK merges into the pods it creates: labels, requests and limits, and the
 * restricted security context (ECK keeps the fields it does not set itself).
 * https://www.elastic.co/guide/en/cloud-on-k8s/current/k8s-customize-pods.html
 */
export function eckPodTemplate(props: EckPodTemplateProps): IPodTemplateSpec {
  const runsAsRoot = props.runAsUser === 0;
  return {
    metadata: { labels: { ...props.labels } },
    spec: {
      ...props.podExtras,
      securityContext: {
        runAsNonRoot: !runsAsRoot,
        ...(props.runAsUser !== undefined ? { runAsUser: props.runAsUser } : {}),
        seccompProfile: { type: 'RuntimeDefault' },
      },
      containers: [
        {
          name: props.container,
          ...props.containerExtras,
          resources: { requests: { ...props.resources.requests }, limits: { ...props.resources.limits } },
          securityContext: {
            allowPrivilegeEscalation: false,
            capabilities: { drop: ['ALL'] },
            privileged: false,
            readOnlyRootFilesystem: props.readOnlyRootFilesystem ?? true,
            runAsNonRoot: !runsAsRoot,
            seccompProfile: { type: 'RuntimeDefault' },
          },
        },
      ],
    },
  };
}
