import { ApiObject, Duration, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { IntOrString, KubePodDisruptionBudget } from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import type { DataProfile, EnvironmentName, WorkloadSpec } from '../../environments';
import { ALB_INGRESS_CLASS, albIngressAnnotations } from './alb';
import { NAMESPACES } from './cluster';
import { selectorLabels, workloadLabels } from './labels';
import { restrictedContainer } from './restricted-container';
import { zoneAndNodeSpread } from './topology-spread';

/** Props of {@link WebService}. */
export interface WebServiceProps {
  /** Component name: Deployment, Service, Ingress, PDB and ServiceAccount carry it. */
  readonly name: string;
  /** Sizes, image and tag from the model. */
  readonly spec: WorkloadSpec;
  /** Where `spec` sits in the model, for error messages (e.g. `prod.frontend`). */
  readonly specField: string;
  /** What the component's pods handle, in GDPR terms. */
  readonly profile: DataProfile;
  /** Port the container listens on. */
  readonly port: number;
  /** HTTP path of the readiness and liveness probes. */
  readonly healthPath: string;
  /** Environment the component runs in: names its ALB group. */
  readonly env: EnvironmentName;
  /** Public host the Ingress serves; the ALB finds its ACM certificate by this name. */
  readonly host: string;
  /** Path prefix routed to the component. @default '/' */
  readonly path?: string;
  /** Numeric user the container runs as; the image need not declare one. */
  readonly runAsUser: number;
  /** Service account the pods run as. @default a dedicated account without an API token */
  readonly serviceAccount?: kplus.IServiceAccount;
  /** Variables from ConfigMaps or Secrets. @default none */
  readonly envFrom?: kplus.EnvFrom[];
  /** Directories that must stay writable although the root filesystem is read-only. @default ['/tmp'] */
  readonly writablePaths?: readonly string[];
  /** Further mounts, e.g. configuration files from a ConfigMap. @default none */
  readonly extraVolumeMounts?: readonly kplus.VolumeMount[];
}

/**
 * A stateless HTTP component of the shop: a Deployment of restricted pods spread over zones and
 * nodes, its ClusterIP Service, an Ingress on the shop's internet-facing ALB (TLS for its host,
 * HTTP redirected, apps/lib/alb.ts), and a PodDisruptionBudget.
 * The HorizontalPodAutoscaler lives in the scaling chart and owns `spec.replicas` once the
 * Deployment exists (Argo CD ignores the field: apps/argocd).
 */
export class WebService extends Construct {
  readonly deployment: kplus.Deployment;
  readonly service: kplus.Service;
  readonly ingress: kplus.Ingress;

  constructor(scope: Construct, id: string, props: WebServiceProps) {
    super(scope, id);
    const namespace = NAMESPACES.app;
    const labels = workloadLabels(props.name, props.profile);
    const serviceAccount =
      props.serviceAccount ??
      new kplus.ServiceAccount(this, 'service-account', {
        metadata: { name: props.name, namespace, labels },
        automountToken: false,
      });
    const volumeMounts = (props.writablePaths ?? ['/tmp']).map((path) => ({
      path,
      volume: kplus.Volume.fromEmptyDir(
        this,
        `volume${path.replace(/\//g, '-')}`,
        `writable${path.replace(/\//g, '-')}`,
      ),
    }));

    this.deployment = new kplus.Deployment(this, 'deployment', {
      metadata: { name: props.name, namespace, labels },
      podMetadata: { labels },
      select: false,
      replicas: props.spec.replicas,
      serviceAccount,
      // No pod of the shop talks to the Kubernetes API. IRSA does not need this token either:
      // EKS's pod identity webhook mounts its own projected web-identity token.
      automountServiceAccountToken: false,
      securityContext: { ensureNonRoot: true, user: props.runAsUser, group: props.runAsUser, fsGroup: props.runAsUser },
      // A rolling update never takes serving capacity away: one new pod first, then one old pod.
      strategy: kplus.DeploymentStrategy.rollingUpdate({
        maxSurge: kplus.PercentOrAbsolute.absolute(1),
        maxUnavailable: kplus.PercentOrAbsolute.absolute(0),
      }),
      terminationGracePeriod: Duration.seconds(30),
      containers: [
        restrictedContainer({
          name: props.name,
          image: props.spec.image,
          tag: props.spec.tag,
          port: props.port,
          resources: props.spec.resources,
          resourcesField: `${props.specField}.resources`,
          healthPath: props.healthPath,
          envFrom: props.envFrom,
          volumeMounts: [...volumeMounts, ...(props.extraVolumeMounts ?? [])],
        }),
      ],
    });
    this.deployment.select(kplus.LabelSelector.of({ labels: selectorLabels(props.name) }));
    // cdk8s-plus spreads through pod anti-affinity only; topologySpreadConstraints say it exactly.
    ApiObject.of(this.deployment).addJsonPatch(
      JsonPatch.add('/spec/template/spec/topologySpreadConstraints', zoneAndNodeSpread(selectorLabels(props.name))),
    );

    this.service = new kplus.Service(this, 'service', {
      metadata: { name: props.name, namespace, labels },
      type: kplus.ServiceType.CLUSTER_IP,
      ports: [{ name: 'http', port: 80, targetPort: props.port, protocol: kplus.Protocol.TCP }],
    });
    for (const [key, value] of Object.entries(selectorLabels(props.name))) this.service.selectLabel(key, value);

    this.ingress = new kplus.Ingress(this, 'ingress', {
      metadata: {
        name: props.name,
        namespace,
        labels,
        annotations: albIngressAnnotations({ env: props.env, exposure: 'public', healthCheckPath: props.healthPath }),
      },
      className: ALB_INGRESS_CLASS,
      rules: [
        {
          host: props.host,
          path: props.path ?? '/',
          pathType: kplus.HttpIngressPathType.PREFIX,
          backend: kplus.IngressBackend.fromService(this.service, { port: 80 }),
        },
      ],
    });

    // maxUnavailable rather than minAvailable: with one replica (dev) a minAvailable of 1 would
    // block every node drain, while one-at-a-time keeps drains possible everywhere.
    new KubePodDisruptionBudget(this, 'pdb', {
      metadata: { name: props.name, namespace, labels },
      spec: { maxUnavailable: IntOrString.fromNumber(1), selector: { matchLabels: selectorLabels(props.name) } },
    });
  }
}
