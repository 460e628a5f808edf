/**
 * Destructive changes to resources that hold data, and the pull request's acknowledgement of each.
 *
 * A replace or delete of a database, key, backup vault, log group, volume, secret or bucket loses
 * data (a replaced KMS key cannot decrypt what the old one encrypted). The summary blocks on each
 * until a commit of the pull request (base..HEAD) carries the trailer
 *
 *     Acknowledge-destroy: <stack> <address>
 *
 * e.g. `Acknowledge-destroy: prod aws_db_instance.database_instance`: one line per resource, in
 * the commit message, where review and history keep it. A trailer is read by Git itself
 * (`git log --format=%(trailers)`), so it must sit in the message's last paragraph.
 */
import { spawnSync } from 'node:child_process';
import { compareText } from '../core/compare';
import { SummaryInputError } from './errors';
import type { ResourceChange } from './resource-changes';

export const ACKNOWLEDGE_TRAILER = 'Acknowledge-destroy';

/** Resource types whose replace or delete destroys stored data or the means to read it. */
export const DATA_HOLDING_TYPES: ReadonlySet<string> = new Set([
  'aws_db_instance',
  'aws_rds_cluster',
  'aws_rds_cluster_instance',
  'aws_db_snapshot',
  'aws_dynamodb_table',
  'aws_efs_file_system',
  'aws_ebs_volume',
  'aws_elasticache_cluster',
  'aws_elasticache_replication_group',
  'aws_kms_key',
  'aws_backup_vault',
  'aws_cloudwatch_log_group',
  'aws_s3_bucket',
  'aws_secretsmanager_secret',
]);

export interface DestructiveChange {
  /** Stack folder: `prod`, `bootstrap-prod`. */
  readonly stack: string;
  readonly address: string;
  readonly action: 'replace' | 'delete';
  readonly forcedBy: readonly string[];
  readonly acknowledged: boolean;
}

export function isDestructive(change: ResourceChange): boolean {
  return (change.action === 'replace' || change.action === 'delete') && DATA_HOLDING_TYPES.has(change.type);
}

/** `<stack> <address>` values of the trailer in the commits base..HEAD, as written. */
export function readAcknowledgements(root: string, baseCommit: string): Set<string> {
  const run = spawnSync(
    'git',
    ['log', `--format=%(trailers:key=${ACKNOWLEDGE_TRAILER},valueonly,unfold)`, `${baseCommit}..HEAD`],
    { cwd: root, encoding: 'utf8' },
  );
  if (run.error || run.status !== 0) {
    throw new SummaryInputError(`cannot read commit trailers in ${root}: ${run.error?.message ?? run.stderr.trim()}`);
  }
  return new Set(
    run.stdout
      .split('\n')
      .map((line) => line.trim().split(/\s+/).join(' '))
      .filter((line) => line !== ''),
  );
}

export function destructiveChanges(
  stack: string,
  changes: readonly ResourceChange[],
  acknowledged: ReadonlySet<string>,
): DestructiveChange[] {
  return changes
    .filter(isDestructive)
    .map((change) => ({
      stack,
      address: change.address,
      action: change.action as 'replace' | 'delete',
      forcedBy: change.forcedBy,
      acknowledged: acknowledged.has(`${stack} ${change.address}`),
    }))
    .sort((a, b) => compareText(a.address, b.address));
}

/** The trailer line that acknowledges `change`. */
export function acknowledgementLine(change: DestructiveChange): string {
  return `${ACKNOWLEDGE_TRAILER}: ${change.stack} ${change.address}`;
}
