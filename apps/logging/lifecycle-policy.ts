import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { type Environment, VERSIONS } from '../../environments';
import { NAMESPACES } from '../lib/cluster';
import { RESTRICTED_SECURITY_CONTEXT } from '../lib/restricted-container';
import { ELASTICSEARCH_NAME, singleNode } from './elasticsearch';
import { loggingSyncWave, logsDataStream } from './logging-names';

/** Name of the index lifecycle policy the platform's log data streams follow. */
export const LIFECYCLE_POLICY_NAME = 'ecolaura-logs';

/**
 * The lifecycle policy: roll the data stream over daily (or at 10 GB per shard) and delete each
 * backing index once it is as old as the environment's log retention — the retention its GDPR
 * label states. https://www.elastic.co/guide/en/elasticsearch/reference/current/ilm-delete.html
 */
export function lifecyclePolicy(env: Environment): object {
  return {
    policy: {
      _meta: {
        description: `Container logs of ${env.name}: deleted ${env.observability.logRetentionDays} days after the day their backing index was created (GDPR).`,
      },
      phases: {
        hot: { actions: { rollover: { max_age: '1d', max_primary_shard_size: '10gb' } } },
        delete: { min_age: `${env.observability.logRetentionDays}d`, actions: { delete: {} } },
      },
    },
  };
}

/**
 * Index settings every `logs-*-*` backing index gets through `logs@custom`, the hook
 * Elasticsearch's built-in `logs` index template composes in:
 *
 * - `index.lifecycle.name`: the policy above.
 * - `index.lifecycle.parse_origination_date`: ILM counts a rolled-over index's age from its
 *   rollover, so with daily rollover a delete phase of N days would keep the oldest line of an
 *   index up to N + 1 days. Parsing the origination date from the index name
 *   (`.ds-logs-ecolaura-prod-2026.12.02-000001`: the day the backing index was created) makes
 *   every phase count from creation instead, so no line outlives the label's N days (plus ILM's
 *   10-minute poll). https://www.elastic.co/docs/reference/elasticsearch/configuration-reference/index-lifecycle-management-settings
 * - `index.number_of_replicas`: 0 on a single node, where a replica can never be assigned and
 *   would hold the cluster yellow (Argo CD reports a yellow Elasticsearch as Degraded).
 */
export function logsCustomComponentTemplate(env: Environment): object {
  return {
    template: {
      settings: {
        'index.lifecycle.name': LIFECYCLE_POLICY_NAME,
        'index.lifecycle.parse_origination_date': true,
        'index.number_of_replicas': singleNode(env) ? 0 : 1,
      },
    },
  };
}

/** Props of {@link LifecyclePolicyJob}. */
export interface LifecyclePolicyJobProps {
  readonly env: Environment;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * ECK has no resource for lifecycle policies outside its paid StackConfigPolicy, so a Job PUTs
 * the policy and the component template through Elasticsearch's API, over TLS verified against
 * ECK's CA. It is an Argo CD Sync hook in the logging wave between Elasticsearch and the
 * writers (./logging-names.ts `LOGGING_SYNC_WAVES`): it runs on every sync once Elasticsearch is
 * healthy, and Filebeat and Kibana are applied only after it succeeded. A PostSync hook ran
 * after the writers and let the first backing index escape the policy. Both calls are
 * idempotent. A run-to-completion Job has no readiness or liveness probe; `activeDeadlineSeconds`
 * bounds it.
 */
export class LifecyclePolicyJob extends Construct {
  constructor(scope: Construct, id: string, props: LifecyclePolicyJobProps) {
    super(scope, id);
    const namespace = NAMESPACES.logging;
    const name = 'elasticsearch-lifecycle-policy';
    const stream = logsDataStream(props.env);
    const config = new kplus.ConfigMap(this, 'config', {
      metadata: { name, namespace, labels: { ...props.labels } },
      data: {
        'component-template.json': `${JSON.stringify(logsCustomComponentTemplate(props.env), null, 2)}\n`,
        'lifecycle-policy.json': `${JSON.stringify(lifecyclePolicy(props.env), null, 2)}\n`,
      },
    });
    const url = `https://${ELASTICSEARCH_NAME}-es-http.${namespace}.svc:9200`;
    const put = (path: string, file: string) =>
      `curl --fail --silent --show-error --cacert /etc/elasticsearch-ca/ca.crt -u "elastic:$ELASTIC_PASSWORD" -X PUT -H 'Content-Type: application/json' --data @/etc/lifecycle/${file} "${url}/${path}"`;
    const script = [
      'set -eu',
      put(`_ilm/policy/${LIFECYCLE_POLICY_NAME}`, 'lifecycle-policy.json'),
      put('_component_template/logs@custom', 'component-template.json'),
      `echo "lifecycle policy ${LIFECYCLE_POLICY_NAME} applies to ${stream.type}-${stream.dataset}-${stream.namespace}"`,
    ].join('\n');

    const userSecret = kplus.Secret.fromSecretName(this, 'elastic-user', `${ELASTICSEARCH_NAME}-es-elastic-user`);
    const caSecret = kplus.Secret.fromSecretName(this, 'http-ca', `${ELASTICSEARCH_NAME}-es-http-certs-public`);
    const [image, tag] = VERSIONS.curlImage.split(':');
    new kplus.Job(this, 'job', {
      metadata: {
        name,
        namespace,
        labels: { ...props.labels },
        annotations: {
          'argocd.argoproj.io/hook': 'Sync',
          'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation',
          ...loggingSyncWave('lifecyclePolicy'),
        },
      },
      podMetadata: { labels: { ...props.labels } },
      backoffLimit: 10,
      activeDeadline: Duration.minutes(30),
      automountServiceAccountToken: false,
      securityContext: { ensureNonRoot: true, user: 100, group: 101 },
      containers: [
        {
          name: 'put-lifecycle-policy',
          image: `${image}:${tag}`,
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
          command: ['/bin/sh', '-c', script],
          envVariables: {
            ELASTIC_PASSWORD: kplus.EnvValue.fromSecretValue({ secret: userSecret, key: 'elastic' }),
          },
          securityContext: RESTRICTED_SECURITY_CONTEXT,
          resources: {
            cpu: { request: kplus.Cpu.millis(10), limit: kplus.Cpu.millis(100) },
            memory: { request: Size.mebibytes(16), limit: Size.mebibytes(64) },
          },
          volumeMounts: [
            {
              path: '/etc/lifecycle',
              volume: kplus.Volume.fromConfigMap(this, 'policy-volume', config),
              readOnly: true,
            },
            {
              path: '/etc/elasticsearch-ca',
              volume: kplus.Volume.fromSecret(this, 'ca-volume', caSecret),
              readOnly: true,
            },
          ],
        },
      ],
    });
  }
}
