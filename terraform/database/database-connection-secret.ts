import { SecretsmanagerSecret } from '@cdktf/provider-aws/lib/secretsmanager-secret';
import { SecretsmanagerSecretVersion } from '@cdktf/provider-aws/lib/secretsmanager-secret-version';
import { Construct } from 'constructs';
import { type DataProfile, databaseConnectionSecretName, type Environment } from '../../environments';
import { dataTags } from '../lib/tags';

export interface DatabaseConnectionSecretProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** ARN of the database's KMS key, which encrypts the secret. */
  readonly databaseKeyArn: string;
  /** Endpoint host of the database. */
  readonly host: string;
  /** Port the database listens on. */
  readonly port: number;
  /** Name of the application database. */
  readonly databaseName: string;
  /** Master user name (its password lives in the RDS-managed secret). */
  readonly username: string;
}

/**
 * What the connection secret holds: where the customer database is and who logs in, but no
 * password and no personal data. Restricted all the same, since it points at customer data.
 */
export const CONNECTION_DETAILS_PROFILE: DataProfile = { personalData: false, classification: 'restricted' };

/**
 * Days a deleted secret stays recoverable. Seven is the shortest AWS allows; the secret can be
 * rebuilt from the model and the database at any time.
 */
const RECOVERY_WINDOW_DAYS = 7;

/**
 * The database's host, port, name and user under a fixed name (`databaseConnectionSecretName`),
 * so Kubernetes reads the endpoint without reading Terraform state. RDS names its own secrets
 * after generated ids; this one is ours.
 */
export class DatabaseConnectionSecret extends Construct {
  readonly secret: SecretsmanagerSecret;

  constructor(scope: Construct, id: string, props: DatabaseConnectionSecretProps) {
    super(scope, id);
    const env = props.environment;
    this.secret = new SecretsmanagerSecret(this, 'secret', {
      name: databaseConnectionSecretName(env.name),
      description: `Connection details of the ${env.name} database (no password: RDS manages it)`,
      kmsKeyId: props.databaseKeyArn,
      recoveryWindowInDays: RECOVERY_WINDOW_DAYS,
      tags: dataTags(CONNECTION_DETAILS_PROFILE),
    });
    new SecretsmanagerSecretVersion(this, 'value', {
      secretId: this.secret.id,
      secretString: JSON.stringify({
        host: props.host,
        port: String(props.port),
        dbname: props.databaseName,
        username: props.username,
      }),
    });
  }

  get arn(): string {
    return this.secret.arn;
  }
}
