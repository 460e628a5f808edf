/**
 * The environment model: the one source of truth both synths read (DESIGN.md).
 * Everything here is plain data; `validate.ts` refuses a model that breaks a rule, and
 * `names.ts` derives every name that crosses from AWS to Kubernetes.
 */

import type { EnvironmentName } from './declared';

// The names are the keys of the declared environments (./declared.ts): declaring one names it.
export { ENVIRONMENT_NAMES, type EnvironmentName } from './declared';
export { INTEGRATION_REFS, PROD_RELEASE_BRANCH } from './promotion';

/**
 * AWS regions in EU member states. Personal data stays in the EU (GDPR Chapter V), so the type
 * admits nothing else and `validate.ts` re-checks values that arrive untyped. London (eu-west-2)
 * and Zurich (eu-central-2) are left out on purpose (DESIGN.md): they rest on adequacy
 * decisions, which can change, not on EU membership. The gate reads this very list: `npm run
 * synth` writes it into policies/vocabulary.json (`vocabulary.ts`), which `policies/lib/gdpr.rego`
 * reads as data.ecolaura.vocabulary.
 */
export const EU_REGIONS = ['eu-central-1', 'eu-north-1', 'eu-south-1', 'eu-south-2', 'eu-west-1', 'eu-west-3'] as const;

export type EuRegion = (typeof EU_REGIONS)[number];

/** One subnet: its range and the availability zone it lives in. */
export interface SubnetSpec {
  /** IPv4 CIDR inside the VPC, e.g. `10.0.1.0/24`. */
  readonly cidr: string;
  /** Availability zone of the environment's region, e.g. `eu-west-1a`. */
  readonly availabilityZone: string;
}

/** A tier always spans exactly two availability zones. */
export type SubnetPair = readonly [SubnetSpec, SubnetSpec];

export interface NetworkSpec {
  /** VPC range, e.g. `10.0.0.0/16`. */
  readonly vpcCidr: string;
  /** Public tier: load balancers and NAT gateways. */
  readonly publicSubnets: SubnetPair;
  /** Private tier: EKS nodes and the database. */
  readonly privateSubnets: SubnetPair;
  /**
   * `one-per-az` keeps each AZ's egress alive when the other AZ fails; `single` saves a NAT
   * gateway's energy and cost where that resilience is not needed.
   */
  readonly natGateways: 'one-per-az' | 'single';
  /** CloudWatch retention of VPC flow logs, in days (a value CloudWatch accepts). */
  readonly flowLogRetentionDays: number;
}

export interface NodeGroupSpec {
  /** Node group name, unique within the cluster. */
  readonly name: string;
  /** Graviton (arm64) instance types, first preferred. */
  readonly instanceTypes: readonly string[];
  readonly minSize: number;
  readonly desiredSize: number;
  readonly maxSize: number;
  /** Root volume size in GiB. */
  readonly diskSizeGiB: number;
}

/**
 * Who may use the cluster API: IAM roles granted through EKS access entries, with the EKS cluster
 * access policies. https://docs.aws.amazon.com/eks/latest/userguide/access-policies.html
 */
export interface EksAccessSpec {
  /**
   * IAM role of the platform administrators (day-to-day operation and the Argo CD bootstrap);
   * gets `AmazonEKSClusterAdminPolicy`. A role of the environment's own account, e.g.
   * `arn:aws:iam::210000000003:role/ecolaura-platform-admin`.
   */
  readonly adminRoleArn: string;
  /**
   * IAM role kept for emergencies (its use pages the team; its credentials are not used day to
   * day); gets `AmazonEKSClusterAdminPolicy`. A different role of the same account.
   */
  readonly breakGlassRoleArn: string;
}

/** The SSM-managed bastion through which people reach the private API endpoint and internal ALB. */
export interface BastionSpec {
  /** Graviton instance type, e.g. `t4g.nano`: it only forwards ports. */
  readonly instanceType: string;
  /** Root volume size in GiB (the AL2023 arm64 image needs at least 2; 8 leaves room for logs). */
  readonly rootVolumeGiB: number;
}

export interface EksSpec {
  /** Kubernetes minor version, e.g. `1.35`; must have a row in `EKS_ADDON_VERSIONS`. */
  readonly version: string;
  /** IAM roles that may use the cluster API. */
  readonly access: EksAccessSpec;
  /** The bastion people reach the cluster API through. */
  readonly bastion: BastionSpec;
  /**
   * CIDRs allowed to reach the public API endpoint. Empty turns public access off, leaving
   * the private endpoint only.
   */
  readonly publicAccessCidrs: readonly string[];
  readonly nodeGroups: readonly NodeGroupSpec[];
  /** CloudWatch retention of control-plane logs, in days. */
  readonly controlPlaneLogRetentionDays: number;
}

export interface DatabaseSpec {
  /**
   * PostgreSQL engine version: a major (`16`) when `autoMinorVersionUpgrade` is on, a full
   * `major.minor` (`16.6`) only when it is off. See `VERSIONS.postgres` for the choice.
   */
  readonly engineVersion: string;
  /** Parameter group family of the engine's major, e.g. `postgres16`. */
  readonly parameterGroupFamily: string;
  /**
   * Whether RDS applies new minor versions in the maintenance window. On with a major-only
   * `engineVersion`; a pinned minor with this on makes every plan want to downgrade.
   */
  readonly autoMinorVersionUpgrade: boolean;
  /** Graviton instance class, e.g. `db.t4g.medium`. */
  readonly instanceClass: string;
  readonly allocatedStorageGiB: number;
  /** Ceiling for storage autoscaling; must be above `allocatedStorageGiB`. */
  readonly maxAllocatedStorageGiB: number;
  readonly multiAz: boolean;
  /** Automated backup retention in days (1–35). */
  readonly backupRetentionDays: number;
  readonly deletionProtection: boolean;
  /** UTC window for automated backups, `hh:mm-hh:mm`. */
  readonly backupWindow: string;
  /** UTC maintenance window, `ddd:hh:mm-ddd:hh:mm`; must not overlap the backup window. */
  readonly maintenanceWindow: string;
  /** Name of the application database created with the instance. */
  readonly databaseName: string;
  /** Master user name; its password is managed by AWS Secrets Manager, never written here. */
  readonly masterUsername: string;
  /** CloudWatch retention of the logs RDS exports (connections, upgrades), in days. */
  readonly logRetentionDays: number;
  /**
   * The backend's own login role: no password, it signs in with an IAM authentication token
   * its IRSA role may request for this user only. The master user stays for break-glass.
   */
  readonly applicationUsername: string;
  /**
   * Seconds between RDS enhanced-monitoring samples (OS metrics per process): one of 1, 5, 10,
   * 15, 30, 60. https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_Monitoring.OS.html
   */
  readonly enhancedMonitoringIntervalSeconds: EnhancedMonitoringInterval;
  /**
   * CloudWatch alarms on the instance and where they notify; required in prod.
   * `null` raises no alarm (dev, staging: nobody is paged for them).
   */
  readonly alarms: DatabaseAlarmsSpec | null;
}

/** The sampling intervals RDS enhanced monitoring accepts (0, off, is not allowed here). */
export const ENHANCED_MONITORING_INTERVALS = [1, 5, 10, 15, 30, 60] as const;
export type EnhancedMonitoringInterval = (typeof ENHANCED_MONITORING_INTERVALS)[number];

export interface DatabaseAlarmsSpec {
  /**
   * ARN of the SNS topic the alarms notify, `arn:aws:sns:<region>:<account>:<name>`. It belongs
   * to the on-call tooling, not to this stack, and must be in the environment's region because
   * CloudWatch alarm actions only reach topics of their own region.
   */
  readonly topicArn: string;
  /** Average CPU utilisation, in percent, above which the instance alarms (5-minute periods). */
  readonly cpuUtilizationPercent: number;
  /** Free storage, in GiB, below which the instance alarms. */
  readonly freeStorageGiB: number;
  /** Open connections above which the instance alarms; keep it under the class's max_connections. */
  readonly connections: number;
}

export interface BackupPlanSpec {
  /** Days an AWS Backup recovery point is kept. */
  readonly retentionDays: number;
  /** AWS Backup schedule expression (UTC). */
  readonly schedule: string;
  /**
   * Second EU region every recovery point is copied to, into a vault under that region's own
   * backup key, so a lost region (or a lost primary key) does not take the backups with it.
   * Different from `region`; required in prod. `null` keeps backups in the primary region only.
   */
  readonly copyRegion: EuRegion | null;
  /**
   * AWS Backup Vault Lock in governance mode on every vault, holding each recovery point for
   * exactly `retentionDays` (no earlier deletion, no longer keeping). Required in prod.
   * https://docs.aws.amazon.com/aws-backup/latest/devguide/vault-lock.html
   */
  readonly vaultLock: boolean;
}

/**
 * The Route 53 public hosted zone an environment's hosts live in. The zone exists before the
 * platform (its delegation is made at the registrar or in the parent zone, once), and it must
 * outlive any one stack, so Terraform does not create it: the model names it, and Terraform only
 * writes the ACM validation records into it (no data source: the offline plan needs no AWS).
 */
export interface PublicZoneSpec {
  /** DNS name of the zone, e.g. `ecolaura.eu`; every host of `DomainSpec` lies inside it. */
  readonly name: string;
  /** Route 53 hosted zone id, e.g. `Z0123456789ABCDEFGHIJ` (`Z` and upper-case letters and digits). */
  readonly id: string;
}

export interface DomainSpec {
  /** The public hosted zone holding every host below and the ACM DNS-validation records. */
  readonly publicZone: PublicZoneSpec;
  /** Public host of the shop's frontend. */
  readonly frontend: string;
  /** Public host of the API (served under `/api`). */
  readonly api: string;
  /** Host of Grafana; served only by the internal load balancer (inside the VPC). */
  readonly grafana: string;
  /** Host of Kibana; served only by the internal load balancer (inside the VPC). */
  readonly kibana: string;
}

export interface ResourceSpec {
  /** CPU request, Kubernetes quantity (`100m`). */
  readonly cpuRequest: string;
  /** CPU limit, Kubernetes quantity. */
  readonly cpuLimit: string;
  /** Memory request, Kubernetes quantity (`128Mi`). */
  readonly memoryRequest: string;
  /** Memory limit, Kubernetes quantity. */
  readonly memoryLimit: string;
}

export interface WorkloadSpec {
  /** Container image repository, without tag. */
  readonly image: string;
  /** Pinned image tag (never `latest`). */
  readonly tag: string;
  /** Replicas at rest; the HPA moves between `minReplicas` and `maxReplicas`. */
  readonly replicas: number;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** Average CPU utilisation the HPA aims for, in percent. */
  readonly targetCpuPercent: number;
  readonly resources: ResourceSpec;
}

export interface BackendSpec extends WorkloadSpec {
  /** Gunicorn worker processes per pod. */
  readonly gunicornWorkers: number;
  /** Gunicorn worker timeout in seconds. */
  readonly gunicornTimeoutSeconds: number;
}

export interface GitOpsSpec {
  /** `automated` syncs with prune and self-heal; `manual` waits for a person (prod). */
  readonly syncPolicy: 'automated' | 'manual';
  /**
   * Branch or tag Argo CD follows: `main` in dev and staging; in prod a ref only a promotion
   * moves (`release/prod`, or a release tag such as `v2026.12.1`), never `main`.
   */
  readonly targetRevision: string;
}

/**
 * Where Alertmanager sends alerts. The endpoint (a webhook URL that carries its own token) is a
 * secret: a person stores it in AWS Secrets Manager under `alertReceiverSecretName(env)`
 * (environments/names.ts) as the JSON object `{"url": "https://…"}`, and an ExternalSecret
 * brings it into the cluster. Never written here.
 */
export interface AlertReceiverSpec {
  /** Receiver name in Alertmanager's routing tree, e.g. `platform-team`; lowercase, digits and `-`. */
  readonly name: string;
}

export interface ObservabilitySpec {
  /** Prometheus retention, in days. */
  readonly metricsRetentionDays: number;
  /** Prometheus volume, Kubernetes quantity; sized for the retention above. */
  readonly prometheusStorage: string;
  /** The receiver every alert is routed to. */
  readonly alertReceiver: AlertReceiverSpec;
  /** Days container logs are kept in Elasticsearch before the lifecycle policy deletes them. */
  readonly logRetentionDays: number;
  /** Elasticsearch data nodes. */
  readonly elasticsearchNodes: number;
  /** Elasticsearch data volume per node, Kubernetes quantity. */
  readonly elasticsearchStorage: string;
}

/**
 * Working hours of an environment whose shop may sleep outside them (dev): at `scaleDown` the
 * shop's Deployments go to zero replicas, at `scaleUp` back to their `minReplicas`. Standard
 * five-field cron expressions, read in `timeZone` (CronJob `spec.timeZone`).
 */
export interface OffHoursSpec {
  /** IANA time zone the schedules are read in, e.g. `Europe/Brussels`. */
  readonly timeZone: string;
  /** When the shop scales to zero, e.g. `0 20 * * 1-5`. */
  readonly scaleDown: string;
  /** When the shop comes back, e.g. `0 7 * * 1-5`. */
  readonly scaleUp: string;
}

/** Everything an environment states; its name is the key it is declared under (./declared.ts). */
export interface EnvironmentSettings {
  /** 12-digit AWS account id the environment lives in. */
  readonly accountId: string;
  readonly region: EuRegion;
  /** Team answering for the environment; becomes the `owner` tag. */
  readonly owner: string;
  readonly network: NetworkSpec;
  readonly eks: EksSpec;
  readonly database: DatabaseSpec;
  readonly backup: BackupPlanSpec;
  readonly domains: DomainSpec;
  readonly frontend: WorkloadSpec;
  readonly backend: BackendSpec;
  readonly gitops: GitOpsSpec;
  readonly observability: ObservabilitySpec;
  /** Scale-to-zero schedule of the shop; `null` keeps it running around the clock (staging, prod). */
  readonly offHours: OffHoursSpec | null;
}

/** One environment, validated: what `loadEnvironments()` returns and both synths read. */
export interface Environment extends EnvironmentSettings {
  readonly name: EnvironmentName;
}
