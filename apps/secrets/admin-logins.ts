import { Construct } from 'constructs';
import { DATA_PROFILES, gdprLabels } from '../../environments';
import { NAMESPACES } from '../lib/cluster';
import { GeneratedLogin } from '../lib/generated-login';
import { GRAFANA_ADMIN_SECRET } from '../observability/kube-prometheus-stack';

/** The user name of Grafana's admin: not the chart's `admin`, so a guess needs two unknowns. */
export const GRAFANA_ADMIN_USER = 'platform-admin';

/**
 * Grafana's admin login, generated in the cluster. It lives in this chart (sync wave -1, with the
 * ClusterSecretStore) rather than with the dashboards (wave 0), because Grafana starts in wave
 * -1 and must find its Secret there: the kube-prometheus-stack release cannot be healthy, and
 * later waves cannot start, while its Grafana pod waits for a Secret a later wave would write.
 */
export class AdminLogins extends Construct {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new GeneratedLogin(this, 'grafana', {
      name: GRAFANA_ADMIN_SECRET.name,
      namespace: NAMESPACES.monitoring,
      labels: gdprLabels(DATA_PROFILES.metrics),
      data: {
        [GRAFANA_ADMIN_SECRET.userKey]: GRAFANA_ADMIN_USER,
        [GRAFANA_ADMIN_SECRET.passwordKey]: '{{ .password }}',
      },
    });
  }
}
