import { Chart, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import type { Construct } from 'constructs';
import { DATA_PROFILES, type Environment, IRSA_SERVICE_ACCOUNTS, irsaRoleArn } from '../../environments';
import { BACKEND_PORT, NAMESPACES } from '../lib/cluster';
import { workloadLabels } from '../lib/labels';
import { WebService } from '../lib/web-service';
import { BackendServiceMonitor } from './backend-service-monitor';
import { DB_AUTH_DIR, databaseAuthTokenContainer, PGPASS_FILE } from './database-auth-token';
import { DatabaseExternalSecret } from './database-external-secret';
import { DatabaseRolesJob } from './database-roles-job';
import { RDS_CA_DIR, RDS_CA_FILE, RdsCaBundle } from './rds-ca-bundle';

/** Props of {@link BackendChart}. */
export interface BackendChartProps {
  readonly env: Environment;
}

/** Health endpoint of the Flask API: answers without touching the database. */
export const BACKEND_HEALTH_PATH = '/healthz';
/** Prometheus metrics of the Flask API (prometheus-flask-exporter's default path). */
export const BACKEND_METRICS_PATH = '/metrics';
/**
 * Where Gunicorn's workers share their metrics. Each worker is its own process, so without
 * multiprocess mode a scrape sees one random worker's counters; prometheus_client aggregates
 * the files every worker writes here. A per-pod emptyDir starts empty, as the client requires.
 * https://prometheus.github.io/client_python/multiprocess/
 */
export const PROMETHEUS_MULTIPROC_DIR = '/var/run/prometheus-multiproc';

/**
 * The Flask API under Gunicorn: its IRSA service account; the database endpoint and its own
 * user from an ExternalSecret, no password — an IAM token sidecar writes libpq's password file;
 * the rest of the connection (database name, verify-full TLS against the RDS root in a
 * ConfigMap) and Gunicorn's settings in a ConfigMap; the Job creating its database role;
 * Deployment, Service, Ingress under `/api`, PDB and ServiceMonitor.
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
    const connection = kplus.Env.fromSecret(kplus.Secret.fromSecretName(this, 'database-secret-ref', databaseSecret));
    const caBundle = new RdsCaBundle(this, 'rds-ca', { env, labels });

    const workers = env.backend.gunicornWorkers;
    const timeout = env.backend.gunicornTimeoutSeconds;
    const config = new kplus.ConfigMap(this, 'config', {
      metadata: { name: `${name}-config`, namespace: NAMESPACES.app, labels },
      data: {
        // verify-full: libpq checks that the server's certificate chains to the RDS root in
        // the mounted bundle and names the host it dialled, so a man in the middle cannot pose
        // as the database (require only encrypts). The parameter group refuses plain text too.
        PGSSLMODE: 'verify-full',
        PGSSLROOTCERT: `${RDS_CA_DIR}/${RDS_CA_FILE}`,
        PGDATABASE: env.database.databaseName,
        // The IAM token the sidecar keeps fresh; libpq reads it for every new connection.
        PGPASSFILE: PGPASS_FILE,
        PROMETHEUS_MULTIPROC_DIR,
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
      envFrom: [kplus.Env.fromConfigMap(config), connection],
      writablePaths: ['/tmp', PROMETHEUS_MULTIPROC_DIR],
    });
    // Sync wave 2: after the role Job (wave 1), so the first pod's user exists.
    this.web.deployment.metadata.addAnnotation('argocd.argoproj.io/sync-wave', '2');

    const pod = this.web.deployment;
    const [backend] = pod.containers;
    if (!backend) throw new Error('backend: the Deployment has no container to mount the database files into');
    backend.mount(RDS_CA_DIR, kplus.Volume.fromConfigMap(this, 'rds-ca-volume', caBundle.configMap), {
      readOnly: true,
    });
    // In memory: the token is a credential, and never touches the node's disk.
    const tokenVolume = kplus.Volume.fromEmptyDir(this, 'db-auth-volume', 'db-auth', {
      medium: kplus.EmptyDirMedium.MEMORY,
      sizeLimit: Size.mebibytes(1),
    });
    backend.mount(DB_AUTH_DIR, tokenVolume, { readOnly: true });
    const homeVolume = kplus.Volume.fromEmptyDir(this, 'db-auth-home-volume', 'db-auth-home', {
      sizeLimit: Size.mebibytes(16),
    });
    const token = { env, connection, tokenVolume, homeVolume };
    pod.addInitContainer(databaseAuthTokenContainer({ ...token, mode: 'init' }));
    pod.addContainer(databaseAuthTokenContainer({ ...token, mode: 'refresh' }));

    new DatabaseRolesJob(this, 'database-roles', {
      env,
      config,
      connectionSecret: databaseSecret,
      caBundle: caBundle.configMap,
      caDir: RDS_CA_DIR,
    });
    new BackendServiceMonitor(this, 'service-monitor', { name, path: BACKEND_METRICS_PATH });
  }
}
