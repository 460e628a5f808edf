import { X509Certificate } from 'node:crypto';
import { databaseArn, databaseConnectionSecretName, irsaRoleArn, VERSIONS } from '../../environments';
import { ENVIRONMENT_ROWS, type Found, find } from '../lib/test-helpers';

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

  it('verifies the database server against the mounted RDS root (was sslmode require) and names the model database', () => {
    const { data } = find(env, 'ConfigMap', 'backend-config');
    expect(data.PGSSLMODE).toBe('verify-full');
    expect(data.PGSSLMODE).not.toBe('require');
    expect(data.PGSSLROOTCERT).toBe('/etc/rds-ca/rds-ca.pem');
    expect(data.PGDATABASE).toBe(env.database.databaseName);
    expect(container.volumeMounts).toEqual(
      expect.arrayContaining([{ mountPath: '/etc/rds-ca', name: 'configmap-rds-ca-bundle', readOnly: true }]),
    );
    const volume = deployment.spec.template.spec.volumes.find((v: Found) => v.name === 'configmap-rds-ca-bundle');
    expect(volume.configMap.name).toBe('rds-ca-bundle');
  });

  it('ships exactly the RDS root of its region for the CA the instance pins, valid for years', () => {
    const pem: string = find(env, 'ConfigMap', 'rds-ca-bundle').data['rds-ca.pem'];
    expect(pem.match(/BEGIN CERTIFICATE/g)).toHaveLength(1);
    const certificate = new X509Certificate(pem);
    expect(certificate.subject).toContain(`CN=Amazon RDS ${env.region} Root CA RSA2048 G1`);
    expect(certificate.ca).toBe(true);
    expect(new Date(certificate.validTo).getTime()).toBeGreaterThan(Date.parse('2035-01-01'));
    expect(VERSIONS.rdsCertificateAuthority).toBe('rds-ca-rsa2048-g1');
  });

  it('sets PROMETHEUS_MULTIPROC_DIR on a writable emptyDir for the Gunicorn workers', () => {
    const { data } = find(env, 'ConfigMap', 'backend-config');
    expect(data.PROMETHEUS_MULTIPROC_DIR).toBe('/var/run/prometheus-multiproc');
    const mount = container.volumeMounts.find((m: Found) => m.mountPath === data.PROMETHEUS_MULTIPROC_DIR);
    expect(mount.readOnly).toBeUndefined();
    const volume = deployment.spec.template.spec.volumes.find((v: Found) => v.name === mount.name);
    expect(volume.emptyDir).toBeDefined();
  });

  it('reads only where the database is and its own user from an ExternalSecret, no password (was the master secret)', () => {
    const secret = find(env, 'ExternalSecret', 'backend-database');
    expect(secret.spec.secretStoreRef).toEqual({ kind: 'ClusterSecretStore', name: 'aws-secrets-manager' });
    for (const entry of secret.spec.data) expect(entry.remoteRef.key).toBe(databaseConnectionSecretName(env.name));
    expect(secret.spec.dataFrom).toBeUndefined();
    expect(Object.keys(secret.spec.target.template.data).sort()).toEqual(['PGHOST', 'PGPORT', 'PGUSER']);
    expect(secret.spec.target.template.data.PGUSER).toBe('{{ .username }}');
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

  it('signs in with IAM tokens written to an in-memory libpq password file by an init container and a sidecar', () => {
    const { data } = find(env, 'ConfigMap', 'backend-config');
    expect(data.PGPASSFILE).toBe('/var/run/db-auth/pgpass');
    expect(data).not.toHaveProperty('PGPASSWORD');
    const spec = deployment.spec.template.spec;
    const tokenVolume = spec.volumes.find((v: Found) => v.name === 'db-auth');
    expect(tokenVolume.emptyDir).toEqual({ medium: 'Memory', sizeLimit: '1Mi' });
    expect(container.volumeMounts).toEqual(
      expect.arrayContaining([{ mountPath: '/var/run/db-auth', name: 'db-auth', readOnly: true }]),
    );
    const [init] = spec.initContainers;
    const sidecar = spec.containers.find((c: Found) => c.name === 'database-token');
    for (const tokenContainer of [init, sidecar]) {
      expect(tokenContainer.image).toBe(VERSIONS.awsCliImage);
      expect(tokenContainer.command[2]).toContain(
        'aws rds generate-db-auth-token --hostname "$PGHOST" --port "$PGPORT"',
      );
      expect(tokenContainer.env).toEqual(expect.arrayContaining([{ name: 'AWS_REGION', value: env.region }]));
      expect(tokenContainer.securityContext.readOnlyRootFilesystem).toBe(true);
    }
    expect(init.name).toBe('database-token-init');
    expect(init.command[2]).toContain('exit 0');
    expect(sidecar.command[2]).toContain('sleep 600');
  });

  it('creates its database role in a Sync-hook Job before the Deployment, with the master secret only during the sync', () => {
    const job = find(env, 'Job', 'database-roles');
    expect(job.metadata.annotations).toMatchObject({
      'argocd.argoproj.io/hook': 'Sync',
      'argocd.argoproj.io/sync-wave': '1',
    });
    expect(deployment.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('2');
    const master = find(env, 'ExternalSecret', 'database-roles-master');
    expect(master.metadata.annotations).toMatchObject({
      'argocd.argoproj.io/hook': 'Sync',
      'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation,HookSucceeded',
      'argocd.argoproj.io/sync-wave': '0',
    });
    expect(master.spec.dataFrom[0].find.tags).toEqual({ 'aws:rds:primaryDBInstanceArn': databaseArn(env) });
    expect(master.spec.target.deletionPolicy).toBe('Delete');
    const [psql] = job.spec.template.spec.containers;
    expect(psql.command).toEqual(expect.arrayContaining([`app_user=${env.database.applicationUsername}`]));
    expect(psql.envFrom.at(-1)).toEqual({ secretRef: { name: 'database-roles-master' } });
    const sql: string = find(env, 'ConfigMap', 'database-roles').data['roles.sql'];
    expect(sql).toContain('GRANT rds_iam TO :"app_user";');
    expect(sql).toContain('NOSUPERUSER NOCREATEDB NOCREATEROLE');
  });
});
