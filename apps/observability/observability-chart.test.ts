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

  it('keeps metrics for the model retention on encrypted volumes and serves Grafana under TLS', () => {
    const { values } = kubePrometheusStackRelease(env);
    const spec = values.prometheus.prometheusSpec;
    expect(spec.retention).toBe(`${env.observability.metricsRetentionDays}d`);
    expect(spec.storageSpec.volumeClaimTemplate.spec.storageClassName).toBe('encrypted-gp3');
    expect(spec.serviceMonitorSelectorNilUsesHelmValues).toBe(false);
    expect(values.grafana.ingress.tls).toEqual([{ secretName: 'grafana-tls', hosts: [env.domains.grafana] }]);
    expect(values.grafana.ingress.hosts).toEqual([env.domains.grafana]);
  });
});
