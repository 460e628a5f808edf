import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { type Environment, gdprLabels, PROJECT } from '../../environments';
import { operationalLogsProfile } from '../lib/data-profiles';
import { BeatsTls } from './beats-tls';
import { Elasticsearch } from './elasticsearch';
import { Filebeat } from './filebeat';
import { Kibana } from './kibana';
import { LifecyclePolicyJob } from './lifecycle-policy';
import { Logstash } from './logstash';

/** Props of {@link LoggingChart}. */
export interface LoggingChartProps {
  readonly env: Environment;
}

/**
 * The ELK stack under the ECK operator: Filebeat on every node → (TLS) Logstash → (TLS)
 * Elasticsearch (encrypted volumes) → (TLS) Kibana, and the lifecycle policy that deletes logs after the
 * retention their GDPR labels state.
 */
export class LoggingChart extends Chart {
  constructor(scope: Construct, id: string, props: LoggingChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const { env } = props;
    const labels = { 'app.kubernetes.io/part-of': PROJECT, ...gdprLabels(operationalLogsProfile(env)) };
    new Elasticsearch(this, 'elasticsearch', { env, labels });
    new Kibana(this, 'kibana', { env, labels });
    new BeatsTls(this, 'beats-tls', { labels });
    new Logstash(this, 'logstash', { env, labels });
    new Filebeat(this, 'filebeat', { labels });
    new LifecyclePolicyJob(this, 'lifecycle-policy', { env, labels });
  }
}
