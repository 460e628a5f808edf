import { Construct } from 'constructs';
import { type Environment, VERSIONS } from '../../environments';
import { ENCRYPTED_STORAGE_CLASS, NAMESPACES } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';
import { eckPodTemplate } from './eck-pod-template';
import type { LogstashManifest } from './eck-resources';
import { ELASTICSEARCH_NAME } from './elasticsearch';
import { BEATS_TLS_SECRET, LOGSTASH_BEATS_PORT, loggingSyncWave } from './logging-names';

/** Where Logstash finds its Beats certificate (the `logstash-beats-tls` Secret, ./beats-tls.ts). */
const BEATS_TLS_PATH = '/usr/share/logstash/beats-tls';

/** Data stream the logs land in: `logs-ecolaura-<env>`, managed by the lifecycle policy. */
export function logsDataStream(env: Environment): { type: 'logs'; dataset: string; namespace: string } {
  return { type: 'logs', dataset: 'ecolaura', namespace: env.name };
}

/** Props of {@link Logstash}. */
export interface LogstashProps {
  readonly env: Environment;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * Receives container logs from Filebeat and writes them into the environment's data stream in
 * Elasticsearch over TLS (ECK injects the hosts, credentials and CA as `LOGS_ES_*`).
 * https://www.elastic.co/guide/en/cloud-on-k8s/current/k8s-logstash.html
 */
export class Logstash extends Construct {
  constructor(scope: Construct, id: string, props: LogstashProps) {
    super(scope, id);
    const stream = logsDataStream(props.env);
    const es = ELASTICSEARCH_NAME.toUpperCase();
    const pipeline = [
      'input {',
      '  beats {',
      `    port => ${LOGSTASH_BEATS_PORT}`,
      '    ssl_enabled => true',
      `    ssl_certificate => "${BEATS_TLS_PATH}/tls.crt"`,
      `    ssl_key => "${BEATS_TLS_PATH}/tls.key"`,
      '  }',
      '}',
      'output {',
      '  elasticsearch {',
      `    hosts => [ "\${${es}_ES_HOSTS}" ]`,
      `    user => "\${${es}_ES_USER}"`,
      `    password => "\${${es}_ES_PASSWORD}"`,
      `    ssl_certificate_authorities => "\${${es}_ES_SSL_CERTIFICATE_AUTHORITY}"`,
      '    data_stream => "true"',
      `    data_stream_type => "${stream.type}"`,
      `    data_stream_dataset => "${stream.dataset}"`,
      `    data_stream_namespace => "${stream.namespace}"`,
      '  }',
      '}',
      '',
    ].join('\n');
    customResource<LogstashManifest>(this, {
      apiVersion: 'logstash.k8s.elastic.co/v1alpha1',
      kind: 'Logstash',
      metadata: {
        name: ELASTICSEARCH_NAME,
        namespace: NAMESPACES.logging,
        labels: { ...props.labels },
        annotations: loggingSyncWave('writers'),
      },
      spec: {
        version: VERSIONS.elasticStack,
        count: 1,
        elasticsearchRefs: [{ name: ELASTICSEARCH_NAME, clusterName: ELASTICSEARCH_NAME }],
        pipelines: [{ 'pipeline.id': 'main', 'config.string': pipeline }],
        services: [
          {
            name: 'beats',
            service: {
              spec: {
                type: 'ClusterIP',
                ports: [{ name: 'beats', port: LOGSTASH_BEATS_PORT, targetPort: LOGSTASH_BEATS_PORT, protocol: 'TCP' }],
              },
            },
          },
        ],
        podTemplate: eckPodTemplate({
          container: 'logstash',
          labels: props.labels,
          resources: { requests: { cpu: '250m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } },
          // Logstash writes its runtime settings and plugin state under its home directory.
          readOnlyRootFilesystem: false,
          containerExtras: { volumeMounts: [{ name: 'beats-tls', mountPath: BEATS_TLS_PATH, readOnly: true }] },
          podExtras: { volumes: [{ name: 'beats-tls', secret: { secretName: BEATS_TLS_SECRET } }] },
        }),
        // The persistent queue and dead-letter queue hold log lines: encrypted like any log store.
        volumeClaimTemplates: [
          {
            metadata: { name: 'logstash-data' },
            spec: {
              accessModes: ['ReadWriteOnce'],
              storageClassName: ENCRYPTED_STORAGE_CLASS,
              resources: { requests: { storage: '2Gi' } },
            },
          },
        ],
      },
    });
  }
}
