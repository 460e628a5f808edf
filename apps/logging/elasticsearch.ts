import { Construct } from 'constructs';
import { type Environment, VERSIONS } from '../../environments';
import { ENCRYPTED_STORAGE_CLASS, NAMESPACES } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';
import { eckPodTemplate } from './eck-pod-template';
import type { ElasticsearchManifest } from './eck-resources';

/** The Elasticsearch cluster's name; ECK derives its Services and Secrets from it (`logs-es-http`…). */
export const ELASTICSEARCH_NAME = 'logs';

/** True when the model runs Elasticsearch on one node (dev). */
export function singleNode(env: Environment): boolean {
  return env.observability.elasticsearchNodes === 1;
}

/** Secret of the Kibana login: a file-realm user of Elasticsearch with a generated password. */
export const KIBANA_LOGIN_SECRET = 'kibana-login';

/** Props of {@link Elasticsearch}. */
export interface ElasticsearchProps {
  readonly env: Environment;
  /** Labels of the resource and its pods. */
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * The log store. TLS on its HTTP layer stays on (ECK's self-signed CA, never disabled); data
 * lives on the encrypted StorageClass, one volume per node of the model's size.
 * https://www.elastic.co/guide/en/cloud-on-k8s/current/k8s-elasticsearch-specification.html
 */
export class Elasticsearch extends Construct {
  constructor(scope: Construct, id: string, props: ElasticsearchProps) {
    super(scope, id);
    const { observability } = props.env;
    customResource<ElasticsearchManifest>(this, {
      apiVersion: 'elasticsearch.k8s.elastic.co/v1',
      kind: 'Elasticsearch',
      metadata: { name: ELASTICSEARCH_NAME, namespace: NAMESPACES.logging, labels: { ...props.labels } },
      spec: {
        version: VERSIONS.elasticStack,
        // A single node cannot lose a pod without losing the cluster, so any budget that
        // protects it blocks every node drain (upgrades, the cluster autoscaler's scale-down).
        // Dev's one node gives up that protection; clusters of several nodes keep ECK's budget.
        ...(singleNode(props.env) ? { podDisruptionBudget: {} } : {}),
        nodeSets: [
          {
            name: 'default',
            count: observability.elasticsearchNodes,
            // Without mmap the nodes need no privileged sysctl init container (vm.max_map_count).
            config: { 'node.store.allow_mmap': false },
            podTemplate: eckPodTemplate({
              container: 'elasticsearch',
              labels: props.labels,
              resources: { requests: { cpu: '500m', memory: '2Gi' }, limits: { cpu: '2', memory: '2Gi' } },
            }),
            volumeClaimTemplates: [
              {
                metadata: { name: 'elasticsearch-data' },
                spec: {
                  accessModes: ['ReadWriteOnce'],
                  storageClassName: ENCRYPTED_STORAGE_CLASS,
                  resources: { requests: { storage: observability.elasticsearchStorage } },
                },
              },
            ],
          },
        ],
        // The people's way into Kibana (./kibana.ts), instead of the `elastic` superuser.
        auth: { fileRealm: [{ secretName: KIBANA_LOGIN_SECRET }] },
      },
    });
  }
}
