import { contains, type Ipv4Range, overlaps, parseCidr } from './cidr';
import { DATA_PROFILES } from './gdpr';
import {
  ENHANCED_MONITORING_INTERVALS,
  type Environment,
  EU_REGIONS,
  INTEGRATION_REFS,
  type SubnetPair,
} from './model';
import { EKS_ADDON_VERSIONS } from './versions';

/** One broken rule of the model: which environment, which field, and how to fix it. */
export interface ModelProblem {
  readonly environment: string;
  readonly field: string;
  readonly message: string;
}

/** Thrown when a model is refused; its message lists every problem, one per line. */
export class ModelError extends Error {
  constructor(readonly problems: readonly ModelProblem[]) {
    super(
      `the environment model is invalid:\n${problems
        .map((p) => `  environment "${p.environment}": ${p.field}: ${p.message}`)
        .join('\n')}`,
    );
    this.name = 'ModelError';
  }
}

/** Prod's floor for automated backups (AWS FSBP RDS.11 asks for at least 7; we keep two weeks). */
export const PROD_MIN_BACKUP_RETENTION_DAYS = 14;

/** CloudWatch Logs accepts only these retention values. */
const LOG_RETENTION_DAYS = new Set([
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
]);

/** Graviton families: a `g` after the generation digit (t4g, m7g, r7gd, c7gn…). */
const GRAVITON_INSTANCE = /^(db\.)?[a-z]+\dg[a-z]*\.[a-z0-9]+$/;

type Report = (field: string, message: string) => void;

/** Returns every rule the environment breaks; empty when it is sound. */
export function validateEnvironment(env: Environment): ModelProblem[] {
  const problems: ModelProblem[] = [];
  const report: Report = (field, message) => problems.push({ environment: env.name, field, message });

  checkAccountAndRegion(env, report);
  checkNetwork(env, report);
  checkEks(env, report);
  checkDatabase(env, report);
  checkWorkloads(env, report);
  checkObservability(env, report);
  checkOffHours(env, report);
  checkGitOps(env, report);
  checkDomains(env, report);
  checkBackup(env, report);
  checkDatabaseOperations(env, report);
  return problems;
}

/** Validates every environment and throws one `ModelError` naming all problems. */
export function assertValidEnvironments(envs: readonly Environment[]): void {
  const problems = envs.flatMap(validateEnvironment);
  const seen = new Set<string>();
  for (const env of envs) {
    if (seen.has(env.name)) {
      problems.push({
        environment: env.name,
        field: 'name',
        message: 'is declared twice; each environment is declared once',
      });
    }
    seen.add(env.name);
  }
  if (problems.length > 0) throw new ModelError(problems);
}

function checkAccountAndRegion(env: Environment, report: Report): void {
  if (!/^\d{12}$/.test(env.accountId)) {
    report('accountId', `"${env.accountId}" is not a 12-digit AWS account id`);
  }
  if (!(EU_REGIONS as readonly string[]).includes(env.region)) {
    report(
      'region',
      `"${env.region}" is not an EU region; personal data stays in the EU, use one of ${EU_REGIONS.join(', ')}`,
    );
  }
}

function checkNetwork(env: Environment, report: Report): void {
  const { network } = env;
  const vpc = parseCidr(network.vpcCidr);
  if (typeof vpc === 'string') {
    report('network.vpcCidr', `"${network.vpcCidr}" ${vpc}`);
  }
  const subnets: { field: string; cidr: string; range: Ipv4Range }[] = [];
  const tiers = [
    ['publicSubnets', network.publicSubnets],
    ['privateSubnets', network.privateSubnets],
  ] as const;
  for (const [tier, pair] of tiers) {
    checkTierZones(env, `network.${tier}`, pair, report);
    pair.forEach((subnet, index) => {
      const field = `network.${tier}[${index}].cidr`;
      const range = parseCidr(subnet.cidr);
      if (typeof range === 'string') {
        report(field, `"${subnet.cidr}" ${range}`);
        return;
      }
      if (typeof vpc !== 'string' && !contains(vpc, range)) {
        report(field, `"${subnet.cidr}" lies outside the VPC ${network.vpcCidr}; pick a range inside it`);
      }
      subnets.push({ field, cidr: subnet.cidr, range });
    });
  }
  for (let i = 0; i < subnets.length; i++) {
    for (let j = i + 1; j < subnets.length; j++) {
      const [a, b] = [subnets[i], subnets[j]];
      if (a && b && overlaps(a.range, b.range)) {
        report(b.field, `"${b.cidr}" overlaps ${a.field} "${a.cidr}"; give each subnet its own range`);
      }
    }
  }
  if (!LOG_RETENTION_DAYS.has(network.flowLogRetentionDays)) {
    report(
      'network.flowLogRetentionDays',
      `${network.flowLogRetentionDays} is not a CloudWatch retention value (1, 3, 5, 7, 14, 30, 60, 90, …)`,
    );
  }
}

function checkTierZones(env: Environment, field: string, pair: SubnetPair, report: Report): void {
  const [first, second] = pair;
  if (first.availabilityZone === second.availabilityZone) {
    report(
      `${field}[1].availabilityZone`,
      `"${second.availabilityZone}" is the zone of ${field}[0] too; a tier spans two availability zones`,
    );
  }
  pair.forEach((subnet, index) => {
    if (!new RegExp(`^${env.region}[a-z]$`).test(subnet.availabilityZone)) {
      report(
        `${field}[${index}].availabilityZone`,
        `"${subnet.availabilityZone}" is not a zone of region ${env.region}`,
      );
    }
  });
}

function checkEks(env: Environment, report: Report): void {
  const { eks } = env;
  if (!/^1\.\d{2}$/.test(eks.version)) report('eks.version', `"${eks.version}" is not a Kubernetes minor such as 1.35`);
  else if (!EKS_ADDON_VERSIONS[eks.version]) {
    report(
      'eks.version',
      `"${eks.version}" has no row of pinned add-on versions; add one to EKS_ADDON_VERSIONS in environments/versions.ts (rows exist for ${Object.keys(EKS_ADDON_VERSIONS).join(', ')})`,
    );
  }
  checkAccessRole(env, 'eks.access.adminRoleArn', eks.access.adminRoleArn, report);
  checkAccessRole(env, 'eks.access.breakGlassRoleArn', eks.access.breakGlassRoleArn, report);
  if (eks.access.adminRoleArn === eks.access.breakGlassRoleArn) {
    report(
      'eks.access.breakGlassRoleArn',
      `"${eks.access.breakGlassRoleArn}" is the admin role too; break-glass is a separate role so its use stands out`,
    );
  }
  if (!GRAVITON_INSTANCE.test(eks.bastion.instanceType)) {
    report('eks.bastion.instanceType', `"${eks.bastion.instanceType}" is not a Graviton type (t4g.nano, t4g.micro…)`);
  }
  if (!Number.isInteger(eks.bastion.rootVolumeGiB) || eks.bastion.rootVolumeGiB < 2) {
    report('eks.bastion.rootVolumeGiB', `${eks.bastion.rootVolumeGiB} is below the 2 GiB the AL2023 image needs`);
  }
  eks.publicAccessCidrs.forEach((cidr, index) => {
    const range = parseCidr(cidr);
    const field = `eks.publicAccessCidrs[${index}]`;
    if (typeof range === 'string') report(field, `"${cidr}" ${range}`);
    else if (range.prefix === 0)
      report(field, `"${cidr}" opens the API to the whole internet; list your office or VPN ranges`);
  });
  if (eks.nodeGroups.length === 0) report('eks.nodeGroups', 'is empty; declare at least one node group');
  eks.nodeGroups.forEach((group, index) => {
    const field = `eks.nodeGroups[${index}]`;
    if (!(group.minSize <= group.desiredSize && group.desiredSize <= group.maxSize) || group.minSize < 1) {
      report(
        `${field}.desiredSize`,
        `sizes min ${group.minSize} / desired ${group.desiredSize} / max ${group.maxSize} must satisfy 1 <= min <= desired <= max`,
      );
    }
    group.instanceTypes.forEach((type, typeIndex) => {
      if (!GRAVITON_INSTANCE.test(type)) {
        report(
          `${field}.instanceTypes[${typeIndex}]`,
          `"${type}" is not a Graviton type (t4g, m7g, c7g…); Graviton uses less energy per request`,
        );
      }
    });
    if (group.instanceTypes.length === 0) report(`${field}.instanceTypes`, 'is empty; list at least one Graviton type');
  });
  if (!LOG_RETENTION_DAYS.has(eks.controlPlaneLogRetentionDays)) {
    report(
      'eks.controlPlaneLogRetentionDays',
      `${eks.controlPlaneLogRetentionDays} is not a CloudWatch retention value`,
    );
  }
}

/** IAM role ARNs of the environment's own account (`arn:aws:iam::<account>:role/<path/name>`). */
const IAM_ROLE_ARN = /^arn:aws:iam::(\d{12}):role\/[\w+=,.@/-]+$/;

function checkAccessRole(env: Environment, field: string, arn: string, report: Report): void {
  const match = IAM_ROLE_ARN.exec(arn);
  if (!match) {
    report(field, `"${arn}" is not an IAM role ARN (arn:aws:iam::<account>:role/<name>)`);
  } else if (match[1] !== env.accountId) {
    report(
      field,
      `"${arn}" is a role of account ${match[1]}; name a role of the environment's account ${env.accountId}`,
    );
  }
}

/**
 * A PostgreSQL version RDS can hold without plan drift: the major alone with automatic minor
 * upgrades on, or `major.minor` with them off; the parameter group family must be the major's.
 */
function checkEngineVersion(env: Environment, report: Report): void {
  const db = env.database;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(db.engineVersion);
  if (!match) {
    report('database.engineVersion', `"${db.engineVersion}" is not a PostgreSQL version such as 16 or 16.6`);
    return;
  }
  const [, major, minor] = match;
  if (db.parameterGroupFamily !== `postgres${major}`) {
    report(
      'database.parameterGroupFamily',
      `"${db.parameterGroupFamily}" does not match engine version ${db.engineVersion}; use postgres${major}`,
    );
  }
  if (minor !== undefined && db.autoMinorVersionUpgrade) {
    report(
      'database.engineVersion',
      `"${db.engineVersion}" pins a minor while autoMinorVersionUpgrade is on: once RDS upgrades the minor every plan wants to downgrade; pin the major ("${major}") or turn autoMinorVersionUpgrade off`,
    );
  }
  if (minor === undefined && !db.autoMinorVersionUpgrade) {
    report(
      'database.autoMinorVersionUpgrade',
      `is false with the major-only engine version "${db.engineVersion}"; the provider accepts a major alone only with automatic minor upgrades on, so turn it on or pin a minor`,
    );
  }
}

function checkDatabase(env: Environment, report: Report): void {
  const db = env.database;
  if (!GRAVITON_INSTANCE.test(db.instanceClass) || !db.instanceClass.startsWith('db.')) {
    report('database.instanceClass', `"${db.instanceClass}" is not a Graviton DB class (db.t4g, db.m7g, db.r7g…)`);
  }
  if (db.maxAllocatedStorageGiB <= db.allocatedStorageGiB) {
    report(
      'database.maxAllocatedStorageGiB',
      `${db.maxAllocatedStorageGiB} must exceed allocatedStorageGiB ${db.allocatedStorageGiB} for storage autoscaling to work`,
    );
  }
  if (db.backupRetentionDays < 1 || db.backupRetentionDays > 35) {
    report('database.backupRetentionDays', `${db.backupRetentionDays} is outside RDS's 1–35 days`);
  }
  checkEngineVersion(env, report);
  if (env.name === 'prod') {
    if (!db.multiAz) report('database.multiAz', 'is false; prod runs a standby in a second AZ, set it to true');
    if (!db.deletionProtection)
      report('database.deletionProtection', 'is false; prod must not be deletable by one apply, set it to true');
    if (db.backupRetentionDays < PROD_MIN_BACKUP_RETENTION_DAYS) {
      report(
        'database.backupRetentionDays',
        `${db.backupRetentionDays} is below prod's minimum of ${PROD_MIN_BACKUP_RETENTION_DAYS} days`,
      );
    }
  }
  if (!LOG_RETENTION_DAYS.has(db.logRetentionDays)) {
    report(
      'database.logRetentionDays',
      `${db.logRetentionDays} is not a CloudWatch retention value (1, 3, 5, 7, 14, 30, …)`,
    );
  }
  if (env.backup.retentionDays < 1) report('backup.retentionDays', `${env.backup.retentionDays} must be at least 1`);
}

function checkWorkloads(env: Environment, report: Report): void {
  for (const key of ['frontend', 'backend'] as const) {
    const workload = env[key];
    if (workload.tag === 'latest' || workload.tag === '') {
      report(`${key}.tag`, `"${workload.tag}" is not a pinned tag; name an immutable version`);
    }
    if (
      !(
        workload.minReplicas >= 1 &&
        workload.minReplicas <= workload.replicas &&
        workload.replicas <= workload.maxReplicas
      )
    ) {
      report(
        `${key}.replicas`,
        `min ${workload.minReplicas} / replicas ${workload.replicas} / max ${workload.maxReplicas} must satisfy 1 <= min <= replicas <= max`,
      );
    }
  }
}

/** A Kubernetes binary-suffixed size such as `10Gi`; Prometheus and EBS volumes are sized in Gi. */
const GIBIBYTES = /^[1-9]\d*Gi$/;

/** An Alertmanager receiver name that is also safe in a Kubernetes object name. */
const RECEIVER_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

function checkObservability(env: Environment, report: Report): void {
  const { observability } = env;
  if (!GIBIBYTES.test(observability.prometheusStorage)) {
    report(
      'observability.prometheusStorage',
      `"${observability.prometheusStorage}" is not a size in Gi such as 10Gi; EBS volumes are sized in whole GiB`,
    );
  }
  if (!RECEIVER_NAME.test(observability.alertReceiver.name)) {
    report(
      'observability.alertReceiver.name',
      `"${observability.alertReceiver.name}" is not a lowercase name of letters, digits and "-" (at most 63)`,
    );
  }
  // Log stores and the EBS volumes holding them are tagged with this retention (volume-tags.ts),
  // so it may not exceed what the operational-logs GDPR profile allows.
  const ceiling = DATA_PROFILES.operationalLogs.retentionDays;
  const days = env.observability.logRetentionDays;
  if (days < 1 || days > ceiling) {
    report(
      'observability.logRetentionDays',
      `${days} is outside 1–${ceiling} days, the retention the operational-logs GDPR profile allows (environments/gdpr.ts); lower it`,
    );
  }
}

/** Five cron fields, each of digits, `*`, `,`, `-` and `/` (what CronJob `spec.schedule` takes). */
const CRON = /^(\S+\s+){4}\S+$/;
const CRON_FIELD = /^[\d*,\-/]+$/;
/** `Area/City` as the IANA database names zones (CronJob `spec.timeZone`). */
const TIME_ZONE = /^[A-Z][A-Za-z_]+\/[A-Z][A-Za-z_/-]+$/;

function checkOffHours(env: Environment, report: Report): void {
  const { offHours } = env;
  if (offHours === null) return;
  if (env.name === 'prod') {
    report('offHours', 'is set; prod serves customers around the clock, set it to null');
  }
  if (!TIME_ZONE.test(offHours.timeZone)) {
    report('offHours.timeZone', `"${offHours.timeZone}" is not an IANA zone such as Europe/Brussels`);
  }
  for (const key of ['scaleDown', 'scaleUp'] as const) {
    const schedule = offHours[key];
    if (!CRON.test(schedule) || !schedule.split(/\s+/).every((field) => CRON_FIELD.test(field))) {
      report(`offHours.${key}`, `"${schedule}" is not a five-field cron expression such as 0 20 * * 1-5`);
    }
  }
  if (offHours.scaleDown === offHours.scaleUp) {
    report('offHours.scaleUp', `"${offHours.scaleUp}" equals scaleDown; the shop would never run`);
  }
}

function checkGitOps(env: Environment, report: Report): void {
  const revision = env.gitops.targetRevision;
  if (revision.trim() === '') {
    report('gitops.targetRevision', 'is empty; name the branch or tag Argo CD follows');
  } else if (env.name === 'prod' && (INTEGRATION_REFS as readonly string[]).includes(revision)) {
    report(
      'gitops.targetRevision',
      `"${revision}" moves on every merge; prod follows a ref only a promotion moves, such as release/prod or a release tag`,
    );
  }
}

/** Route 53 hosted zone ids: `Z` then upper-case letters and digits. */
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;

/** Every host lies in the public zone, where ACM's DNS-validation records are written. */
function checkDomains(env: Environment, report: Report): void {
  const zone = env.domains.publicZone;
  if (!HOSTED_ZONE_ID.test(zone.id)) {
    report('domains.publicZone.id', `"${zone.id}" is not a Route 53 hosted zone id (Z followed by letters and digits)`);
  }
  const hosts = {
    frontend: env.domains.frontend,
    api: env.domains.api,
    grafana: env.domains.grafana,
    kibana: env.domains.kibana,
  };
  for (const [field, host] of Object.entries(hosts)) {
    if (host !== zone.name && !host.endsWith(`.${zone.name}`)) {
      report(
        `domains.${field}`,
        `"${host}" lies outside the public zone ${zone.name}; ACM could not validate its certificate there, pick a host under ${zone.name}`,
      );
    }
  }
}

function isEuRegion(region: string): boolean {
  return (EU_REGIONS as readonly string[]).includes(region);
}

function checkBackup(env: Environment, report: Report): void {
  const { copyRegion, vaultLock } = env.backup;
  if (copyRegion !== null) {
    if (!isEuRegion(copyRegion)) {
      report(
        'backup.copyRegion',
        `"${copyRegion}" is not an EU region; backups hold personal data, use one of ${EU_REGIONS.join(', ')}`,
      );
    } else if (copyRegion === env.region) {
      report(
        'backup.copyRegion',
        `"${copyRegion}" is the primary region; copies must survive the loss of ${env.region}, name another EU region`,
      );
    }
  }
  if (env.name === 'prod') {
    if (copyRegion === null) {
      report('backup.copyRegion', 'is null; prod copies its recovery points to a second EU region, name one');
    }
    if (!vaultLock) {
      report('backup.vaultLock', 'is false; prod locks its vaults (governance mode) against deletion, set it to true');
    }
  }
}

/** `arn:aws:sns:<region>:<account>:<topic>`: topic names are 1–256 letters, digits, `-` and `_`. */
const SNS_TOPIC_ARN = /^arn:aws:sns:([a-z0-9-]+):(\d{12}):[A-Za-z0-9_-]{1,256}$/;

function checkDatabaseOperations(env: Environment, report: Report): void {
  const db = env.database;
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(db.applicationUsername) || db.applicationUsername === db.masterUsername) {
    report(
      'database.applicationUsername',
      `"${db.applicationUsername}" must be a lower-case PostgreSQL identifier other than the master user "${db.masterUsername}"`,
    );
  }
  if (!(ENHANCED_MONITORING_INTERVALS as readonly number[]).includes(db.enhancedMonitoringIntervalSeconds)) {
    report(
      'database.enhancedMonitoringIntervalSeconds',
      `${db.enhancedMonitoringIntervalSeconds} is not one of ${ENHANCED_MONITORING_INTERVALS.join(', ')}`,
    );
  }
  if (db.alarms === null) {
    if (env.name === 'prod')
      report('database.alarms', 'is null; prod alarms on CPU, storage and connections, set a topic');
    return;
  }
  const arn = SNS_TOPIC_ARN.exec(db.alarms.topicArn);
  if (!arn) {
    report(
      'database.alarms.topicArn',
      `"${db.alarms.topicArn}" is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>)`,
    );
  } else if (!isEuRegion(arn[1] ?? '') || arn[1] !== env.region) {
    report(
      'database.alarms.topicArn',
      `"${db.alarms.topicArn}" is in region ${arn[1]}; alarm actions only reach topics of their own region, use a topic in ${env.region}`,
    );
  }
  const { cpuUtilizationPercent, freeStorageGiB, connections } = db.alarms;
  if (!(cpuUtilizationPercent > 0 && cpuUtilizationPercent < 100)) {
    report('database.alarms.cpuUtilizationPercent', `${cpuUtilizationPercent} must lie between 0 and 100`);
  }
  if (!(freeStorageGiB > 0 && freeStorageGiB < db.allocatedStorageGiB)) {
    report(
      'database.alarms.freeStorageGiB',
      `${freeStorageGiB} must be above 0 and below allocatedStorageGiB ${db.allocatedStorageGiB}`,
    );
  }
  if (!(Number.isInteger(connections) && connections > 0)) {
    report('database.alarms.connections', `${connections} must be a positive whole number`);
  }
}
