import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { DATA_PROFILES, databaseArn, type Environment, VERSIONS } from '../../environments';
import { AWS_SECRET_STORE, NAMESPACES } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';
import { EXTERNAL_SECRETS_API, type ExternalSecretV1 } from '../lib/external-secrets-api';
import { workloadLabels } from '../lib/labels';
import { RESTRICTED_SECURITY_CONTEXT } from '../lib/restricted-container';
import { RDS_SECRET_TAG } from './database-external-secret';

/** Name of the Job, its ConfigMap and its service account. */
export const DATABASE_ROLES_NAME = 'database-roles';

/**
 * The backend's role, idempotent (every sync runs it again). `rds_iam` makes the role sign in
 * with IAM tokens only; it gets no superuser, database or role creation, just its schema:
 * it may create its own tables in `public` and read and write the tables the master created
 * before it existed. psql variables (`:"app_user"`) quote identifiers, so no value is spliced.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.DBAccounts.html
 */
export const DATABASE_ROLES_SQL = `\\set ON_ERROR_STOP on
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION', :'app_user')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app_user') \\gexec
ALTER ROLE :"app_user" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
GRANT rds_iam TO :"app_user";
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE :"database" TO :"app_user";
GRANT USAGE, CREATE ON SCHEMA public TO :"app_user";
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_user";
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO :"app_user";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_user";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO :"app_user";
`;

/** Props of {@link DatabaseRolesJob}. */
export interface DatabaseRolesJobProps {
  readonly env: Environment;
  /** The backend's ConfigMap: PGDATABASE, PGSSLMODE=verify-full, PGSSLROOTCERT. */
  readonly config: kplus.IConfigMap;
  /** The ExternalSecret-written Secret with PGHOST and PGPORT. */
  readonly connectionSecret: string;
  /** The RDS CA bundle the connection is verified against. */
  readonly caBundle: kplus.IConfigMap;
  /** Where `caBundle` is mounted (PGSSLROOTCERT's folder). */
  readonly caDir: string;
}

/**
 * Creates the backend's database role with the master credentials, the one use of them outside
 * break-glass. Both the master ExternalSecret and the Job are Argo CD Sync hooks: the secret
 * (wave 0) exists only while the sync runs and is deleted with its Secret once the hooks
 * succeed; the Job (wave 1) runs before the backend Deployment (wave 2) so the role exists
 * before the first pod signs in. https://argo-cd.readthedocs.io/en/stable/user-guide/resource_hooks/
 */
export class DatabaseRolesJob extends Construct {
  constructor(scope: Construct, id: string, props: DatabaseRolesJobProps) {
    super(scope, id);
    const { env } = props;
    const namespace = NAMESPACES.app;
    const labels = workloadLabels(DATABASE_ROLES_NAME, DATA_PROFILES.customerData);
    const masterSecret = `${DATABASE_ROLES_NAME}-master`;
    const hook = (wave: number) => ({
      'argocd.argoproj.io/hook': 'Sync',
      'argocd.argoproj.io/hook-delete-policy': 'BeforeHookCreation,HookSucceeded',
      'argocd.argoproj.io/sync-wave': String(wave),
    });

    customResource<ExternalSecretV1>(this, {
      apiVersion: EXTERNAL_SECRETS_API,
      kind: 'ExternalSecret',
      metadata: { name: masterSecret, namespace, annotations: hook(0) },
      spec: {
        refreshInterval: '0',
        secretStoreRef: { kind: 'ClusterSecretStore', name: AWS_SECRET_STORE },
        // Owner: deleting the hook deletes the Secret, so the master password leaves the cluster.
        target: {
          name: masterSecret,
          creationPolicy: 'Owner',
          deletionPolicy: 'Delete',
          template: {
            engineVersion: 'v2',
            type: 'Opaque',
            data: {
              PGUSER: '{{ (index . "rdsMasterUser" | fromYaml).username }}',
              PGPASSWORD: '{{ (index . "rdsMasterUser" | fromYaml).password }}',
            },
          },
        },
        dataFrom: [
          {
            find: { tags: { [RDS_SECRET_TAG]: databaseArn(env) } },
            rewrite: [{ regexp: { source: '^.*$', target: 'rdsMasterUser' } }],
          },
        ],
      },
    });

    const sql = new kplus.ConfigMap(this, 'sql', {
      metadata: { name: DATABASE_ROLES_NAME, namespace, labels },
      data: { 'roles.sql': DATABASE_ROLES_SQL },
    });
    const serviceAccount = new kplus.ServiceAccount(this, 'service-account', {
      metadata: { name: DATABASE_ROLES_NAME, namespace, labels },
      automountToken: false,
    });
    const master = kplus.Secret.fromSecretName(this, 'master-ref', masterSecret);
    const connection = kplus.Secret.fromSecretName(this, 'connection-ref', props.connectionSecret);
    const [image, tag] = VERSIONS.psqlImage.split(':');
    new kplus.Job(this, 'job', {
      metadata: { name: DATABASE_ROLES_NAME, namespace, labels, annotations: hook(1) },
      podMetadata: { labels },
      serviceAccount,
      backoffLimit: 6,
      activeDeadline: Duration.minutes(15),
      automountServiceAccountToken: false,
      // The `postgres` user of the official Alpine image.
      securityContext: { ensureNonRoot: true, user: 70, group: 70 },
      containers: [
        {
          name: 'create-roles',
          image: `${image}:${tag}`,
          imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
          command: [
            'psql',
            '--no-psqlrc',
            '--set',
            `app_user=${env.database.applicationUsername}`,
            '--set',
            `database=${env.database.databaseName}`,
            '--file',
            '/etc/database-roles/roles.sql',
          ],
          // Later sources win: the master user and password override the connection's PGUSER.
          envFrom: [
            kplus.Env.fromConfigMap(props.config),
            kplus.Env.fromSecret(connection),
            kplus.Env.fromSecret(master),
          ],
          securityContext: RESTRICTED_SECURITY_CONTEXT,
          resources: {
            cpu: { request: kplus.Cpu.millis(10), limit: kplus.Cpu.millis(200) },
            memory: { request: Size.mebibytes(32), limit: Size.mebibytes(128) },
          },
          volumeMounts: [
            {
              path: '/etc/database-roles',
              volume: kplus.Volume.fromConfigMap(this, 'sql-volume', sql),
              readOnly: true,
            },
            {
              path: props.caDir,
              volume: kplus.Volume.fromConfigMap(this, 'ca-volume', props.caBundle),
              readOnly: true,
            },
          ],
        },
      ],
    });
  }
}
