import { Chart } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { DATA_PROFILES, type Environment, IRSA_SERVICE_ACCOUNTS, irsaRoleArn } from '../../environments';
import { BACKEND_PORT, NAMESPACES } from '../lib/cluster';
import { workloadLabels } from '../lib/labels';
import { WebService } from '../lib/web-service';
import { BackendServiceMonitor } from './backend-service-monitor';
import { DatabaseExternalSecret } from './database-external-secret';

/** Props of {@link BackendChart}. */
export interface BackendChartProps {
  readonly env: Environment;
}

/** Health endpoint of the Flask API: answers without touching the database. */
export const BACKEND_HEALTH_PATH = '/healthz';
/** Prometheus metrics of the Flask API (prometheus-flask-exporter's default path). */
export const BACKEND_METRICS_PATH = '/metrics';

/**
 * The Flask API under Gunicorn: its IRSA service account; database endpoint and credentials
 * from an ExternalSecret; the rest of the connection (database name, TLS required) and
 * Gunicorn's settings in a ConfigMap; Deployment, Service, Ingress under `/api`, PDB and
 * ServiceMonitor.
 */
export class BackendChart extends Chart {
  readonly web: WebService;

  constructor(scope: Construct, id: string, props: BackendChartProps) {
    super(scope, id, { disableResourceNameHashes: true });
    const { env } = props;
    const name = IRSA_SERVICE_ACCOUNTS.backend.serviceAccount;
    const labels = workloadLabels(name, DATA_PROFILES.customerData);

    const serviceAccount = new kplus.ServiceAccount(this, 'service-account', {
      metadata: {
        name,
        namespace: IRSA_SERVICE_ACCOUNTS.backend.namespace,
        labels,
        // IRSA: EKS injects web-identity credentials for this role into the pods.
        annotations: { 'eks.amazonaws.com/role-arn': irsaRoleArn(env, 'backend') },
      },
      automountToken: false,
    });

    const databaseSecret = `${name}-database`;
    new DatabaseExternalSecret(this, 'database-secret', { env, name: databaseSecret });

    const workers = env.backend.gunicornWorkers;
    const timeout = env.backend.gunicornTimeoutSeconds;
    const config = new kplus.ConfigMap(this, 'config', {
      metadata: { name: `${name}-config`, namespace: NAMESPACES.app, labels },
      data: {
        // libpq refuses an unencrypted connection to RDS (the parameter group forces SSL too).
        PGSSLMODE: 'require',
        PGDATABASE: env.database.databaseName,
        // Gunicorn reads its settings from this variable, so the image's own entry point stays.
        // https://docs.gunicorn.org/en/stable/settings.html
        GUNICORN_CMD_ARGS: [
          `--bind=0.0.0.0:${BACKEND_PORT}`,
          `--workers=${workers}`,
          `--timeout=${timeout}`,
          `--graceful-timeout=${timeout}`,
          '--worker-tmp-dir=/tmp',
          '--access-logfile=-',
        ].join(' '),
      },
    });

    this.web = new WebService(this, 'backend', {
      name,
      spec: env.backend,
      specField: `${env.name}.backend`,
      profile: DATA_PROFILES.customerData,
      port: BACKEND_PORT,
      healthPath: BACKEND_HEALTH_PATH,
      env: env.name,
      host: env.domains.api,
      path: '/api',
      runAsUser: 10001,
      serviceAccount,
      envFrom: [
        kplus.Env.fromConfigMap(config),
        kplus.Env.fromSecret(kplus.Secret.fromSecretName(this, 'database-secret-ref', databaseSecret)),
      ],
    });
    new BackendServiceMonitor(this, 'service-monitor', { name, path: BACKEND_METRICS_PATH });
  }
}
