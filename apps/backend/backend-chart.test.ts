import { databaseArn, databaseConnectionSecretName, irsaRoleArn } from '../../environments';
import { ENVIRONMENT_ROWS, find } from '../lib/test-helpers';

describe.each(ENVIRONMENT_ROWS)('the backend chart of %s', (_name, env) => {
  const deployment = find(env, 'Deployment', 'backend');
  const container = deployment.spec.template.spec.containers[0];

  it('annotates its service account with the IRSA role ARN derived from the model', () => {
    const account = find(env, 'ServiceAccount', 'backend');
    expect(account.metadata.annotations['eks.amazonaws.com/role-arn']).toBe(irsaRoleArn(env, 'backend'));
    expect(deployment.spec.template.spec.serviceAccountName).toBe('backend');
    expect(deployment.spec.template.spec.automountServiceAccountToken).toBe(false);
  });

  it('runs Gunicorn with the model workers and timeout', () => {
    const config = find(env, 'ConfigMap', 'backend-config');
    const args: string = config.data.GUNICORN_CMD_ARGS;
    expect(args).toContain(`--workers=${env.backend.gunicornWorkers}`);
    expect(args).toContain(`--timeout=${env.backend.gunicornTimeoutSeconds}`);
  });

  it('requires TLS to the database and names the model database', () => {
    const { data } = find(env, 'ConfigMap', 'backend-config');
    expect(data.PGSSLMODE).toBe('require');
    expect(data.PGDATABASE).toBe(env.database.databaseName);
  });

  it('reads its credentials from an ExternalSecret: the connection secret by name, the password by RDS tag', () => {
    const secret = find(env, 'ExternalSecret', 'backend-database');
    expect(secret.spec.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'aws-secrets-manager' });
    for (const entry of secret.spec.data) expect(entry.remoteRef.key).toBe(databaseConnectionSecretName(env.name));
    expect(secret.spec.dataFrom[0].find.tags).toEqual({ 'aws:rds:primaryDBInstanceArn': databaseArn(env) });
    expect(Object.keys(secret.spec.target.template.data).sort()).toEqual(['PGHOST', 'PGPASSWORD', 'PGPORT', 'PGUSER']);
    expect(container.envFrom).toEqual(
      expect.arrayContaining([
        { secretRef: { name: 'backend-database' } },
        { configMapRef: { name: 'backend-config' } },
      ]),
    );
  });

  it('probes its health path and runs the model pinned image and replicas', () => {
    expect(container.readinessProbe.httpGet.path).toBe('/healthz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.image).toBe(`${env.backend.image}:${env.backend.tag}`);
    expect(deployment.spec.replicas).toBe(env.backend.replicas);
  });

  it('serves /api on the API host from the public ALB, health-checked on its own health path', () => {
    const ingress = find(env, 'Ingress', 'backend');
    expect(ingress.spec.rules).toEqual([
      expect.objectContaining({
        host: env.domains.api,
        http: { paths: [expect.objectContaining({ path: '/api', pathType: 'Prefix' })] },
      }),
    ]);
    // The ALB's default health check is `/`, which the API does not serve: every target would be unhealthy.
    expect(ingress.metadata.annotations['alb.ingress.kubernetes.io/healthcheck-path']).toBe('/healthz');
    expect(ingress.metadata.annotations['alb.ingress.kubernetes.io/group.name']).toBe(`ecolaura-${env.name}-public`);
  });

  it('is scraped by Prometheus through a ServiceMonitor on its http port', () => {
    const monitor = find(env, 'ServiceMonitor', 'backend');
    expect(monitor.spec.endpoints).toEqual([expect.objectContaining({ port: 'http', path: '/metrics' })]);
    expect(find(env, 'Service', 'backend').spec.ports[0].name).toBe('http');
  });
});
