import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { type Environment, VERSIONS } from '../../environments';
import { RESTRICTED_SECURITY_CONTEXT } from '../lib/restricted-container';

/** Directory of the in-memory volume holding the libpq password file. */
export const DB_AUTH_DIR = '/var/run/db-auth';
/** libpq reads the password for each new connection from here (`PGPASSFILE`). */
export const PGPASS_FILE = `${DB_AUTH_DIR}/pgpass`;
/**
 * Seconds between token refreshes. An IAM authentication token is valid for 15 minutes, and
 * only when a connection is opened; refreshing every 10 leaves 5 minutes of margin.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.Connecting.html
 */
export const TOKEN_REFRESH_SECONDS = 600;

/**
 * Writes a fresh token into the libpq password file, atomically (write, then rename), readable
 * by the pod's user only (libpq ignores a group- or world-readable file). Fields of a password
 * file escape `:` and `\`, and the token contains both host:port and `:` in its signature.
 * https://www.postgresql.org/docs/current/libpq-pgpass.html
 */
function tokenScript(once: boolean): string {
  return [
    'set -eu',
    'umask 077',
    'while true; do',
    '  token=$(aws rds generate-db-auth-token --hostname "$PGHOST" --port "$PGPORT" --username "$PGUSER" --region "$AWS_REGION")',
    `  escaped=$(printf '%s' "$token" | sed -e 's/\\\\/\\\\\\\\/g' -e 's/:/\\\\:/g')`,
    `  printf '*:*:*:%s:%s\\n' "$PGUSER" "$escaped" > ${PGPASS_FILE}.new`,
    `  mv ${PGPASS_FILE}.new ${PGPASS_FILE}`,
    once ? '  exit 0' : `  sleep ${TOKEN_REFRESH_SECONDS}`,
    'done',
  ].join('\n');
}

/**
 * Seconds after which the password file counts as stale: a token older than this has less
 * than a minute left, so the sidecar is unhealthy (liveness restarts it) and the backend would
 * fail to open new connections.
 */
export const TOKEN_STALE_SECONDS = 840;

/** Healthy while the password file exists and was rewritten recently enough. */
function freshTokenProbe(periodSeconds: number): kplus.Probe {
  return kplus.Probe.fromCommand(
    [
      '/bin/sh',
      '-c',
      `test -s ${PGPASS_FILE} && test $(( $(date +%s) - $(stat -c %Y ${PGPASS_FILE}) )) -lt ${TOKEN_STALE_SECONDS}`,
    ],
    { periodSeconds: Duration.seconds(periodSeconds), failureThreshold: 3, timeoutSeconds: Duration.seconds(2) },
  );
}

/** Props of {@link databaseAuthTokenContainer}. */
export interface DatabaseAuthTokenProps {
  readonly env: Environment;
  /** `init` writes the first token before the backend starts; `refresh` keeps it fresh. */
  readonly mode: 'init' | 'refresh';
  /** The libpq connection variables (PGHOST, PGPORT, PGUSER) from the database ExternalSecret. */
  readonly connection: kplus.EnvFrom;
  /** The in-memory volume shared with the backend container. */
  readonly tokenVolume: kplus.Volume;
  /** A writable scratch volume for the CLI's credential cache (`$HOME`, mounted at /tmp). */
  readonly homeVolume: kplus.Volume;
}

/**
 * A container that signs IAM database authentication tokens for the backend's own database user
 * with the pod's IRSA credentials and writes them where libpq looks for a password. The backend
 * image stays unchanged: libpq (psycopg) reads `PGPASSFILE` for every new connection, so it
 * picks up each token without a restart. No password exists anywhere; the token is signed
 * locally and lives 15 minutes.
 */
export function databaseAuthTokenContainer(props: DatabaseAuthTokenProps): kplus.ContainerProps {
  return {
    name: props.mode === 'init' ? 'database-token-init' : 'database-token',
    image: VERSIONS.awsCliImage,
    imagePullPolicy: kplus.ImagePullPolicy.IF_NOT_PRESENT,
    command: ['/bin/sh', '-c', tokenScript(props.mode === 'init')],
    envFrom: [props.connection],
    envVariables: {
      AWS_REGION: kplus.EnvValue.fromValue(props.env.region),
      // The CLI writes its cache under $HOME; the root filesystem is read-only.
      HOME: kplus.EnvValue.fromValue('/tmp'),
    },
    securityContext: RESTRICTED_SECURITY_CONTEXT,
    // The init container runs to completion; only the long-running sidecar is probed.
    ...(props.mode === 'refresh' ? { readiness: freshTokenProbe(30), liveness: freshTokenProbe(60) } : {}),
    resources: {
      cpu: { request: kplus.Cpu.millis(10), limit: kplus.Cpu.millis(200) },
      memory: { request: Size.mebibytes(64), limit: Size.mebibytes(128) },
    },
    volumeMounts: [
      { path: DB_AUTH_DIR, volume: props.tokenVolume },
      { path: '/tmp', volume: props.homeVolume },
    ],
  };
}
