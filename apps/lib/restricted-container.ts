import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import type { ResourceSpec } from '../../environments';
import { cpu, memory } from './quantity';

/** Props of {@link restrictedContainer}. */
export interface RestrictedContainerProps {
  /** Container name, also the name of its port's owner in error messages. */
  readonly name: string;
  /** Image repository without tag, e.g. `ghcr.io/ecolaura/backend`. */
  readonly image: string;
  /** Pinned image tag; `latest` and empty tags are refused. */
  readonly tag: string;
  /** The port the process listens on; exposed under the name `http`. */
  readonly port: number;
  /** Requests and limits, from the model. */
  readonly resources: ResourceSpec;
  /** Where `resources` came from in the model, named in errors (e.g. `prod.backend.resources`). */
  readonly resourcesField: string;
  /** HTTP path both probes call; it must answer 200 without touching dependencies. */
  readonly healthPath: string;
  /** Variables read from ConfigMaps or Secrets. @default none */
  readonly envFrom?: kplus.EnvFrom[];
  /** Writable mounts; the root filesystem is read-only. @default none */
  readonly volumeMounts?: kplus.VolumeMount[];
}

/**
 * The container security context Pod Security Admission `restricted` asks for, shared by every
 * container the platform writes itself.
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export const RESTRICTED_SECURITY_CONTEXT: kplus.ContainerSecurityContextProps = {
  ensureNonRoot: true,
  readOnlyRootFilesystem: true,
  allowPrivilegeEscalation: false,
  privileged: false,
  capabilities: { drop: [kplus.Capability.ALL] },
  seccompProfile: { type: kplus.SeccompProfileType.RUNTIME_DEFAULT },
};

/**
 * A container that satisfies Pod Security Admission `restricted` and the platform's rules:
 * non-root, read-only root filesystem, every capability dropped, RuntimeDefault seccomp, no
 * privilege escalation, requests and limits, readiness and liveness probes, and a pinned image.
 * https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted
 */
export function restrictedContainer(props: RestrictedContainerProps): kplus.ContainerProps {
  if (props.tag === '' || props.tag === 'latest') {
    throw new Error(
      `container ${props.name}: image tag "${props.tag}" is not pinned; set an immutable version in the model`,
    );
  }
  const httpProbe = (periodSeconds: number, failureThreshold: number) =>
    kplus.Probe.fromHttpGet(props.healthPath, {
      port: props.port,
      periodSeconds: Duration.seconds(periodSeconds),
      failureThreshold,
      timeoutSeconds: Duration.seconds(2),
    });
  return {
    name: props.name,
    image: `${props.image}:${props.tag}`,
    imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
    ports: [{ number: props.port, name: 'http', protocol: kplus.Protocol.TCP }],
    securityContext: RESTRICTED_SECURITY_CONTEXT,
    resources: {
      cpu: {
        request: cpu(props.resources.cpuRequest, `${props.resourcesField}.cpuRequest`),
        limit: cpu(props.resources.cpuLimit, `${props.resourcesField}.cpuLimit`),
      },
      memory: {
        request: memory(props.resources.memoryRequest, `${props.resourcesField}.memoryRequest`),
        limit: memory(props.resources.memoryLimit, `${props.resourcesField}.memoryLimit`),
      },
    },
    // Readiness reacts fast so a busy pod leaves the Service; liveness waits longer so a slow
    // pod is not killed for being busy.
    readiness: httpProbe(10, 3),
    liveness: httpProbe(20, 3),
    startup: kplus.Probe.fromHttpGet(props.healthPath, {
      port: props.port,
      periodSeconds: Duration.seconds(5),
      failureThreshold: 24,
    }),
    envFrom: props.envFrom,
    volumeMounts: props.volumeMounts,
  };
}
