import type { IAlertmanagerConfig } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1alpha1/AlertmanagerConfig';
import { Construct } from 'constructs';
import { alertReceiverSecretName, type Environment } from '../../environments';
import { AWS_SECRET_STORE, NAMESPACES } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';
import { EXTERNAL_SECRETS_API, type ExternalSecretV1 } from '../lib/external-secrets-api';

/** The Secret (written by the ExternalSecret) holding the receiver's webhook URL under `url`. */
export const ALERT_RECEIVER_SECRET = 'alertmanager-receiver';

/** Alerts that exist to prove the pipeline works and must not page anyone. */
const SILENT_ALERTS = ['Watchdog', 'InfoInhibitor'];

/** Props of {@link AlertRouting}. */
export interface AlertRoutingProps {
  readonly env: Environment;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * Sends every alert to the model's receiver. The webhook URL (which carries its token) comes
 * from AWS Secrets Manager through an ExternalSecret; the route is an AlertmanagerConfig that
 * references that Secret, which the operator reads when it renders Alertmanager's config.
 *
 * Why an AlertmanagerConfig and not `alertmanager.config` with a mounted secret file: a secret
 * listed in `alertmanagerSpec.secrets` is a required volume, so Alertmanager (synced with the
 * chart at wave -2) would wait for a Secret that only exists once the ClusterSecretStore
 * (wave -1) is up, and the waves would deadlock. The operator instead skips an
 * AlertmanagerConfig whose Secret is missing and picks it up as soon as the Secret appears.
 * `alertmanagerConfigMatcherStrategy: None` (./kube-prometheus-stack.ts) lets its route match
 * alerts of every namespace. https://prometheus-operator.dev/docs/developer/alerting/
 */
export class AlertRouting extends Construct {
  constructor(scope: Construct, id: string, props: AlertRoutingProps) {
    super(scope, id);
    const namespace = NAMESPACES.monitoring;
    const receiver = props.env.observability.alertReceiver.name;
    const labels = { ...props.labels };
    customResource<ExternalSecretV1>(this, {
      apiVersion: EXTERNAL_SECRETS_API,
      kind: 'ExternalSecret',
      metadata: { name: ALERT_RECEIVER_SECRET, namespace, labels },
      spec: {
        refreshInterval: '1h',
        secretStoreRef: { kind: 'ClusterSecretStore', name: AWS_SECRET_STORE },
        target: { name: ALERT_RECEIVER_SECRET, creationPolicy: 'Owner', deletionPolicy: 'Retain' },
        data: [{ secretKey: 'url', remoteRef: { key: alertReceiverSecretName(props.env.name), property: 'url' } }],
      },
    });
    customResource<IAlertmanagerConfig>(this, {
      apiVersion: 'monitoring.coreos.com/v1alpha1',
      kind: 'AlertmanagerConfig',
      metadata: { name: receiver, namespace, labels },
      spec: {
        route: {
          receiver,
          groupBy: ['alertname', 'namespace'],
          groupWait: '30s',
          groupInterval: '5m',
          repeatInterval: '4h',
          matchers: SILENT_ALERTS.map((alert) => ({ name: 'alertname', matchType: '!=', value: alert })),
        },
        receivers: [
          {
            name: receiver,
            webhookConfigs: [{ urlSecret: { name: ALERT_RECEIVER_SECRET, key: 'url' }, sendResolved: true }],
          },
        ],
      },
    });
  }
}
