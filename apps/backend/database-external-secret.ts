import { Construct } from 'constructs';
import { databaseConnectionSecretName, type Environment } from '../../environments';
import { AWS_SECRET_STORE, NAMESPACES } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';
import { EXTERNAL_SECRETS_API, type ExternalSecretV1 } from '../lib/external-secrets-api';

/**
 * Properties of the connection secret Terraform publishes under
 * `databaseConnectionSecretName(env)` (environments/names.ts): a JSON object with at least these
 * keys — the parts of the endpoint RDS generates and the backend's own user. The database name
 * comes from the model (backend ConfigMap); there is no password (IAM authentication).
 */
export const CONNECTION_SECRET_KEYS = { host: 'host', port: 'port', username: 'username' } as const;

/** The tag RDS puts on the master-user secret it manages, holding the instance's ARN. */
export const RDS_SECRET_TAG = 'aws:rds:primaryDBInstanceArn';

/** Props of {@link DatabaseExternalSecret}. */
export interface DatabaseExternalSecretProps {
  readonly env: Environment;
  /** Name of the ExternalSecret and of the Secret it writes. */
  readonly name: string;
}

/**
 * Where the backend's database is, fetched from AWS Secrets Manager by external-secrets and
 * written as libpq variables (PGHOST, PGPORT, PGUSER). It carries no password: the backend
 * signs in with IAM tokens (database-auth-token.ts), and the RDS-managed master secret is read
 * only by the role Job (database-roles-job.ts) during a sync.
 */
export class DatabaseExternalSecret extends Construct {
  constructor(scope: Construct, id: string, props: DatabaseExternalSecretProps) {
    super(scope, id);
    const connection = databaseConnectionSecretName(props.env.name);
    customResource<ExternalSecretV1>(this, {
      apiVersion: EXTERNAL_SECRETS_API,
      kind: 'ExternalSecret',
      metadata: { name: props.name, namespace: NAMESPACES.app },
      spec: {
        refreshInterval: '1h',
        secretStoreRef: { kind: 'ClusterSecretStore', name: AWS_SECRET_STORE },
        target: {
          name: props.name,
          creationPolicy: 'Owner',
          deletionPolicy: 'Retain',
          template: {
            engineVersion: 'v2',
            type: 'Opaque',
            data: {
              PGHOST: `{{ .${CONNECTION_SECRET_KEYS.host} }}`,
              PGPORT: `{{ .${CONNECTION_SECRET_KEYS.port} }}`,
              PGUSER: `{{ .${CONNECTION_SECRET_KEYS.username} }}`,
            },
          },
        },
        data: Object.values(CONNECTION_SECRET_KEYS).map((property) => ({
          secretKey: property,
          remoteRef: { key: connection, property },
        })),
      },
    });
  }
}
