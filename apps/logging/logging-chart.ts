import { Chart } from 'cdk8s';
import type { Construct } from 'constructs';
import { type Environment, gdprLabels, PROJECT } from '../../environments';
import { operationalLogsProfile } from '../lib/data-profiles';
import { Elasticsearch } from './elasticsearch';
import { Filebeat } from './filebeat';
import { Kibana } from './kibana';
import { LifecyclePolicyJob } from './lifecycle-policy';

/** Props of {@link LoggingChart}. */
export interface LoggingChartProps {
  readonly env: Environment;
}

/**
 * The Elastic stack under the ECK operator: Filebeat on every node → (TLS) Elasticsearch
 * (encrypted volumes) → (TLS) Kibana, and the lifecycle policy that deletes logs after the
 * retention their GDPR labels state, installed before Filebeat starts (./logging-names.ts).
 */
export class LoggingChart extends Chart {
  constructor(scope: Construct, id: string, props: LoggingChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const { env } = props;
    const labels = { 'app.kubernetes.io/part-of': PROJECT, ...gdprLabels(operationalLogsProfile(env)) };
    new Elasticsearch(this, 'elasticsearch', { env, labels });
    new Kibana(this, 'kibana', { env, labels });
    new Filebeat(this, 'filebeat', { env, labels });
    new LifecyclePolicyJob(this, 'lifecycle-policy', { env, labels });
  }
}
