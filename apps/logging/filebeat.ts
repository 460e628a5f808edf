import { KubeClusterRole, KubeClusterRoleBinding, KubeServiceAccount } from 'cdk8s-plus-28/lib/imports/k8s';
import { Construct } from 'constructs';
import { type Environment, VERSIONS } from '../../environments';
import { NAMESPACES } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';
import { eckPodTemplate } from './eck-pod-template';
import type { BeatManifest } from './eck-resources';
import { ELASTICSEARCH_NAME } from './elasticsearch';
import { loggingSyncWave, logsDataStream } from './logging-names';

/** Filebeat's HTTP stats endpoint, which its probes call. */
export const FILEBEAT_HTTP_PORT = 5066;

/** Props of {@link Filebeat}. */
export interface FilebeatProps {
  readonly env: Environment;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * The log shipper: a Filebeat on every node reads the containers' log files, adds the pod's
 * Kubernetes metadata and writes them straight into the environment's data stream in
 * Elasticsearch.
 *
 * Why no Logstash in between: it only forwarded (no parsing), and the direct path keeps every
 * guarantee it had. TLS: ECK's `elasticsearchRef` gives Filebeat the Elasticsearch CA and
 * verifies the server as Logstash's output did, one hop fewer and no certificate of our own to
 * renew and restart for. Retention: the same `logs-ecolaura-<env>` data stream, so the same
 * index template and lifecycle policy (./lifecycle-policy.ts). Credentials: ECK's Filebeat role
 * may write `logs-*` indices. What is given up: Logstash's 2 GiB persistent queue; during an
 * Elasticsearch outage Filebeat holds its place in the node's log files instead, which the
 * kubelet rotates (so an outage longer than the rotation loses lines). Saved: a 1 GiB JVM pod,
 * its volume, and the CA and certificate it needed.
 * https://www.elastic.co/docs/deploy-manage/deploy/cloud-on-k8s/configuration-beats
 *
 * It runs as uid 0 — the one exception to non-root in the platform — because the kubelet
 * writes /var/log/pods as root with mode 0640. Every capability is still dropped (so root
 * cannot bypass file permissions), the root filesystem is read-only and the host paths are
 * mounted read-only. https://www.elastic.co/guide/en/cloud-on-k8s/current/k8s-beat-configuration.html
 */
export class Filebeat extends Construct {
  constructor(scope: Construct, id: string, props: FilebeatProps) {
    super(scope, id);
    const name = 'filebeat';
    // Its own namespace: hostPath needs `privileged`, and the log store next door stays baseline.
    const namespace = NAMESPACES.logShipper;
    const labels = { ...props.labels };
    const stream = logsDataStream(props.env);
    const dataStream = `${stream.type}-${stream.dataset}-${stream.namespace}`;

    new KubeServiceAccount(this, 'service-account', {
      metadata: { name, namespace, labels },
      automountServiceAccountToken: true,
    });
    // add_kubernetes_metadata reads pods, namespaces and nodes; nothing else, never writes.
    new KubeClusterRole(this, 'cluster-role', {
      metadata: { name, labels },
      rules: [{ apiGroups: [''], resources: ['namespaces', 'nodes', 'pods'], verbs: ['get', 'list', 'watch'] }],
    });
    new KubeClusterRoleBinding(this, 'cluster-role-binding', {
      metadata: { name, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name },
      subjects: [{ kind: 'ServiceAccount', name, namespace }],
    });

    const probe = { httpGet: { path: '/', port: FILEBEAT_HTTP_PORT }, periodSeconds: 20, timeoutSeconds: 2 };
    customResource<BeatManifest>(this, {
      apiVersion: 'beat.k8s.elastic.co/v1beta1',
      kind: 'Beat',
      metadata: { name, namespace, labels, annotations: loggingSyncWave('writers') },
      spec: {
        type: 'filebeat',
        version: VERSIONS.elasticStack,
        // Across namespaces: ECK creates the Filebeat user and copies the CA into log-shipper.
        elasticsearchRef: { name: ELASTICSEARCH_NAME, namespace: NAMESPACES.logging },
        config: {
          'filebeat.inputs': [
            {
              type: 'filestream',
              id: 'kubernetes-containers',
              paths: ['/var/log/containers/*.log'],
              'prospector.scanner.symlinks': true,
              parsers: [{ container: {} }],
              processors: [
                {
                  add_kubernetes_metadata: {
                    // biome-ignore lint/suspicious/noTemplateCurlyInString: Filebeat expands the variable itself.
                    host: '${NODE_NAME}',
                    matchers: [{ logs_path: { logs_path: '/var/log/containers/' } }],
                  },
                },
              ],
            },
          ],
          // ECK adds hosts, credentials and the CA (`ssl.certificate_authorities`) to this.
          'output.elasticsearch': { index: dataStream },
          // The built-in `logs` index template and `logs@custom` (./lifecycle-policy.ts) own the
          // stream's settings; Filebeat must not install its own template or lifecycle policy.
          'setup.template.enabled': false,
          'setup.template.name': dataStream,
          'setup.template.pattern': dataStream,
          'setup.ilm.enabled': false,
          'http.enabled': true,
          'http.host': '0.0.0.0',
          'http.port': FILEBEAT_HTTP_PORT,
        },
        daemonSet: {
          podTemplate: eckPodTemplate({
            container: 'filebeat',
            labels,
            runAsUser: 0,
            resources: { requests: { cpu: '100m', memory: '200Mi' }, limits: { cpu: '500m', memory: '400Mi' } },
            containerExtras: {
              env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
              volumeMounts: [
                { name: 'varlogcontainers', mountPath: '/var/log/containers', readOnly: true },
                { name: 'varlogpods', mountPath: '/var/log/pods', readOnly: true },
              ],
              readinessProbe: probe,
              livenessProbe: { ...probe, failureThreshold: 3 },
            },
            podExtras: {
              serviceAccountName: name,
              automountServiceAccountToken: true,
              volumes: [
                { name: 'varlogcontainers', hostPath: { path: '/var/log/containers', type: 'Directory' } },
                { name: 'varlogpods', hostPath: { path: '/var/log/pods', type: 'Directory' } },
              ],
            },
          }),
        },
      },
    });
  }
}
