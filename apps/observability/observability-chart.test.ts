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
});
