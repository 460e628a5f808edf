import type { Environment } from './model';
import { VERSIONS } from './versions';

/**
 * Development: the smallest footprint that still exercises every security control. One NAT
 * gateway, burstable Graviton nodes, one replica each; never weaker encryption or access rules.
 */
export const dev: Environment = {
  name: 'dev',
  accountId: '210000000001',
  region: 'eu-west-1',
  owner: 'platform-team',
  network: {
    vpcCidr: '10.10.0.0/16',
    publicSubnets: [
      { cidr: '10.10.1.0/24', availabilityZone: 'eu-west-1a' },
      { cidr: '10.10.2.0/24', availabilityZone: 'eu-west-1b' },
    ],
    privateSubnets: [
      { cidr: '10.10.3.0/24', availabilityZone: 'eu-west-1a' },
      { cidr: '10.10.4.0/24', availabilityZone: 'eu-west-1b' },
    ],
    natGateways: 'single',
    flowLogRetentionDays: 30,
  },
  eks: {
    version: VERSIONS.kubernetes,
    access: {
      adminRoleArn: 'arn:aws:iam::210000000001:role/ecolaura-platform-admin',
      breakGlassRoleArn: 'arn:aws:iam::210000000001:role/ecolaura-break-glass',
    },
    bastion: { instanceType: 't4g.nano', rootVolumeGiB: 8 },
    publicAccessCidrs: [],
    nodeGroups: [
      {
        name: 'general',
        instanceTypes: ['t4g.large', 'm7g.large'],
        minSize: 1,
        desiredSize: 2,
        maxSize: 3,
        diskSizeGiB: 30,
      },
    ],
    controlPlaneLogRetentionDays: 30,
  },
  database: {
    engineVersion: VERSIONS.postgres,
    parameterGroupFamily: VERSIONS.postgresFamily,
    autoMinorVersionUpgrade: true,
    instanceClass: 'db.t4g.micro',
    allocatedStorageGiB: 20,
    maxAllocatedStorageGiB: 50,
    multiAz: false,
    backupRetentionDays: 7,
    deletionProtection: false,
    backupWindow: '02:00-03:00',
    maintenanceWindow: 'sun:04:00-sun:05:00',
    databaseName: 'ecolaura',
    masterUsername: 'ecolaura_admin',
    logRetentionDays: 14,
    applicationUsername: 'ecolaura_app',
    enhancedMonitoringIntervalSeconds: 60,
    alarms: null,
  },
  backup: { retentionDays: 7, schedule: 'cron(0 3 * * ? *)', copyRegion: null, vaultLock: false },
  domains: {
    publicZone: { name: 'dev.ecolaura.eu', id: 'Z01DEV0ECOLAURA0EU00001' },
    frontend: 'dev.ecolaura.eu',
    api: 'api.dev.ecolaura.eu',
    grafana: 'grafana.dev.ecolaura.eu',
    kibana: 'kibana.dev.ecolaura.eu',
  },
  frontend: {
    image: 'ghcr.io/ecolaura/frontend',
    tag: '1.4.2',
    replicas: 1,
    minReplicas: 1,
    maxReplicas: 3,
    targetCpuPercent: 70,
    resources: { cpuRequest: '50m', cpuLimit: '250m', memoryRequest: '64Mi', memoryLimit: '128Mi' },
  },
  backend: {
    image: 'ghcr.io/ecolaura/backend',
    tag: '2.7.0',
    replicas: 1,
    minReplicas: 1,
    maxReplicas: 3,
    targetCpuPercent: 70,
    resources: { cpuRequest: '100m', cpuLimit: '500m', memoryRequest: '256Mi', memoryLimit: '512Mi' },
    gunicornWorkers: 2,
    gunicornTimeoutSeconds: 30,
  },
  gitops: { syncPolicy: 'automated', targetRevision: 'main' },
  observability: {
    metricsRetentionDays: 7,
    prometheusStorage: '10Gi',
    alertReceiver: { name: 'platform-team' },
    logRetentionDays: 14,
    elasticsearchNodes: 1,
    elasticsearchStorage: '20Gi',
  },
  // Nobody works on dev at night or at weekends: the shop sleeps (apps/scaling/off-hours.ts).
  offHours: { timeZone: 'Europe/Brussels', scaleDown: '0 20 * * 1-5', scaleUp: '0 7 * * 1-5' },
};
