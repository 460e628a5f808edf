import { alertReceiverSecretName } from '../../environments';
import { ENVIRONMENT_ROWS, find } from '../lib/test-helpers';
import { kubePrometheusStackRelease } from './kube-prometheus-stack';

describe.each(ENVIRONMENT_ROWS)('the observability chart of %s', (_name, env) => {
  it.each(['frontend', 'backend'])('ships a %s dashboard the Grafana sidecar picks up', (component) => {
    const configMap = find(env, 'ConfigMap', `grafana-dashboard-${component}`);
    expect(configMap.metadata.namespace).toBe('monitoring');
    expect(configMap.metadata.labels.grafana_dashboard).toBe('1');
    const dashboard = JSON.parse(configMap.data[`${component}.json`]);
    expect(dashboard.uid).toBe(`ecolaura-${component}`);
    expect(dashboard.panels.map((p: { title: string }) => p.title)).toEqual(
      expect.arrayContaining(['Requests', 'Error ratio (5xx)', 'Latency p95', 'Container restarts (1h)']),
    );
  });

  it('alerts on error rate, latency and restarts', () => {
    const rule = find(env, 'PrometheusRule', 'ecolaura');
    const alerts = rule.spec.groups.flatMap((group: { rules: { alert: string }[] }) => group.rules.map((r) => r.alert));
    expect(alerts.sort()).toEqual([
      'BackendHighErrorRate',
      'BackendHighLatency',
      'FrontendHighErrorRate',
      'FrontendHighLatency',
      'PodRestarting',
    ]);
  });

  it('keeps metrics for the model retention on encrypted volumes', () => {
    const { values } = kubePrometheusStackRelease(env);
    const spec = values.prometheus.prometheusSpec;
    expect(spec.retention).toBe(`${env.observability.metricsRetentionDays}d`);
    expect(spec.storageSpec.volumeClaimTemplate.spec.storageClassName).toBe('encrypted-gp3');
    // Before: a fixed 50Gi in every environment, dev included.
    expect(spec.storageSpec.volumeClaimTemplate.spec.resources.requests.storage).toBe(
      env.observability.prometheusStorage,
    );
    expect(spec.serviceMonitorSelectorNilUsesHelmValues).toBe(false);
  });

  it('serves Grafana only on the internal ALB, labelled as an admin UI', () => {
    const { ingress } = kubePrometheusStackRelease(env).values.grafana;
    expect(ingress.ingressClassName).toBe('alb');
    expect(ingress.hosts).toEqual([env.domains.grafana]);
    expect(ingress.annotations['alb.ingress.kubernetes.io/scheme']).toBe('internal');
    expect(ingress.annotations['alb.ingress.kubernetes.io/group.name']).toBe(`ecolaura-${env.name}-internal`);
    expect(ingress.labels).toEqual({ 'ecolaura.io/admin-ui': 'true' });
  });

  it('logs Grafana admin in from a generated Secret, never with the chart default password', () => {
    const { admin } = kubePrometheusStackRelease(env).values.grafana;
    expect(admin).toEqual({ existingSecret: 'grafana-admin', userKey: 'admin-user', passwordKey: 'admin-password' });
    const externalSecret = find(env, 'ExternalSecret', 'grafana-admin');
    expect(externalSecret.metadata.namespace).toBe('monitoring');
    expect(externalSecret.spec.target.template.data).toEqual({
      'admin-user': 'platform-admin',
      'admin-password': '{{ .password }}',
    });
    expect(externalSecret.spec.dataFrom).toEqual([
      {
        sourceRef: {
          generatorRef: {
            apiVersion: 'generators.external-secrets.io/v1alpha1',
            kind: 'Password',
            name: 'grafana-admin',
          },
        },
      },
    ]);
    // The kube-prometheus-stack chart's default admin password must appear nowhere.
    expect(JSON.stringify(kubePrometheusStackRelease(env).values)).not.toContain('prom-operator');
  });

  it('scrapes the load balancer controller through a PodMonitor on its metrics port', () => {
    const monitor = find(env, 'PodMonitor', 'aws-load-balancer-controller');
    expect(monitor.metadata.namespace).toBe('aws-load-balancer-controller');
    expect(monitor.spec.podMetricsEndpoints).toEqual([{ port: 'metrics-server', path: '/metrics', interval: '30s' }]);
  });

  it('neither scrapes nor alerts on the control-plane parts EKS does not expose', () => {
    const values = find(env, 'Application', 'kube-prometheus-stack').spec.source.helm.valuesObject;
    // Before: the chart defaults, all enabled, which fire *Down alerts forever on EKS.
    for (const component of ['kubeControllerManager', 'kubeScheduler', 'kubeEtcd', 'kubeProxy']) {
      expect({ component, enabled: values[component]?.enabled }).toEqual({ component, enabled: false });
    }
    expect(values.defaultRules.rules).toEqual({
      etcd: false,
      kubeControllerManager: false,
      kubeProxy: false,
      kubeSchedulerAlerting: false,
      kubeSchedulerRecording: false,
    });
  });

  it("routes every alert but the watchdogs to the model's receiver, its URL from AWS Secrets Manager", () => {
    const receiver = env.observability.alertReceiver.name;
    const config = find(env, 'AlertmanagerConfig', receiver);
    expect(config.metadata.namespace).toBe('monitoring');
    expect(config.spec.route.receiver).toBe(receiver);
    expect(config.spec.route.matchers).toEqual([
      { name: 'alertname', matchType: '!=', value: 'Watchdog' },
      { name: 'alertname', matchType: '!=', value: 'InfoInhibitor' },
    ]);
    expect(config.spec.receivers).toEqual([
      {
        name: receiver,
        webhookConfigs: [{ urlSecret: { name: 'alertmanager-receiver', key: 'url' }, sendResolved: true }],
      },
    ]);
    const secret = find(env, 'ExternalSecret', 'alertmanager-receiver');
    expect(secret.metadata.namespace).toBe('monitoring');
    expect(secret.spec.target.name).toBe('alertmanager-receiver');
    expect(secret.spec.data).toEqual([
      { secretKey: 'url', remoteRef: { key: alertReceiverSecretName(env.name), property: 'url' } },
    ]);
    const spec = kubePrometheusStackRelease(env).values.alertmanager.alertmanagerSpec;
    // Without `None` the operator would confine the route to alerts from the monitoring namespace.
    expect(spec.alertmanagerConfigMatcherStrategy).toEqual({ type: 'None' });
  });

  it('runs node-exporter in its own namespace and keeps the chart from running a root init container', () => {
    const { values } = kubePrometheusStackRelease(env);
    expect(values['prometheus-node-exporter'].namespaceOverride).toBe('node-exporter');
    expect(values.grafana.initChownData).toEqual({ enabled: false });
  });
});
