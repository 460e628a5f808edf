import type { IExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1beta1/ExternalSecret';
import { Construct } from 'constructs';
import { databaseArn, databaseConnectionSecretName, type Environment } from '../../environments';
import { AWS_SECRET_STORE, NAMESPACES } from '../lib/cluster';
import { customResource } from '../lib/custom-resource';

/**
 * Properties of the connection secret Terraform publishes under
 * `databaseConnectionSecretName(env)` (environments/names.ts): a JSON object with at least these
 * keys, the parts of the endpoint RDS generates. The database name comes from the model
 * (backend ConfigMap), the user and password from the RDS-managed secret.
 */
export const CONNECTION_SECRET_KEYS = { host: 'host', port: 'port' } as const;

/** The tag RDS puts on the master-user secret it manages, holding the instance's ARN. */
export const RDS_SECRET_TAG = 'aws:rds:primaryDBInstanceArn';

/** Key the RDS-managed secret is renamed to inside the ExternalSecret (its own name is generated). */
const MASTER_SECRET_KEY = 'rdsMasterUser';

/** Props of {@link DatabaseExternalSecret}. */
export interface DatabaseExternalSecretProps {
  readonly env: Environment;
  /** Name of the ExternalSecret and of the Secret it writes. */
  readonly name: string;
}

/**
 * The backend's database credentials, fetched from AWS Secrets Manager by external-secrets and
 * written as libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD). Git holds only where to find them: the
 * connection secret by its fixed name, and the RDS-managed password secret by the tag RDS puts
 * on it, since RDS generates that secret's name.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html
 */
export class DatabaseExternalSecret extends Construct {
  constructor(scope: Construct, id: string, props: DatabaseExternalSecretProps) {
    super(scope, id);
    const connection = databaseConnectionSecretName(props.env.name);
    const master = `(index . "${MASTER_SECRET_KEY}" | fromYaml)`;
    customResource<IExternalSecret>(this, {
      apiVersion: 'external-secrets.io/v1beta1',
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
            // The RDS secret is JSON ({"username","password"}); JSON is YAML, so fromYaml reads it.
            data: {
              PGHOST: `{{ .${CONNECTION_SECRET_KEYS.host} }}`,
              PGPORT: `{{ .${CONNECTION_SECRET_KEYS.port} }}`,
              PGUSER: `{{ ${master}.username }}`,
              PGPASSWORD: `{{ ${master}.password }}`,
            },
          },
        },
        data: Object.values(CONNECTION_SECRET_KEYS).map((property) => ({
          secretKey: property,
          remoteRef: { key: connection, property },
        })),
        dataFrom: [
          {
            find: { tags: { [RDS_SECRET_TAG]: databaseArn(props.env) } },
            rewrite: [{ regexp: { source: '^.*$', target: MASTER_SECRET_KEY } }],
          },
        ],
      },
    });
  }
}
