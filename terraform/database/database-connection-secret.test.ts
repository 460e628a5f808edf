import { databaseConnectionSecretName, ENVIRONMENT_NAMES } from '../../environments';
import { platformStack, ref } from '../testing/synthesized-stack';

describe.each(ENVIRONMENT_NAMES)('the %s database connection secret', (name) => {
  const stack = () => platformStack(name);

  it('has the fixed name Kubernetes reads and is encrypted with the database key', () => {
    expect(stack().only('aws_secretsmanager_secret')).toMatchObject({
      name: databaseConnectionSecretName(name),
      kms_key_id: ref('aws_kms_key', 'keys_database_key', 'arn'),
    });
  });

  it('holds host, port, database name and user, and no password', () => {
    const value = JSON.parse(stack().only('aws_secretsmanager_secret_version').secret_string);
    expect(value).toEqual({
      host: ref('aws_db_instance', 'database_instance', 'address'),
      port: '5432',
      dbname: stack().environment.database.databaseName,
      username: stack().environment.database.applicationUsername,
    });
  });

  it('names the backend application user, never the break-glass master user it named before', () => {
    const value = JSON.parse(stack().only('aws_secretsmanager_secret_version').secret_string);
    expect(value.username).toBe('ecolaura_app');
    expect(value.username).not.toBe(stack().environment.database.masterUsername);
  });
});
