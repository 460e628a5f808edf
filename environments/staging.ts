import type { Environment } from './model';
import { VERSIONS } from './versions';

/** Staging: prod's shape at a smaller scale, so releases rehearse against the real topology. */
export const staging: Environment = {
  name: 'staging',
  accountId: '210000000002',
  region: 'eu-west-1',
  owner: 'platform-team',
  network: {
    vpcCidr: '10.20.0.0/16',
    publicSubnets: [
      { cidr: '10.20.1.0/24', availabilityZone: 'eu-west-1a' },
      { cidr: '10.20.2.0/24', availabilityZone: 'eu-west-1b' },
    ],
    privateSubnets: [
      { cidr: '10.20.3.0/24', availabilityZone: 'eu-west-1a' },
      { cidr: '10.20.4.0/24', availabilityZone: 'eu-west-1b' },
    ],
    natGateways: 'single',
    flowLogRetentionDays: 30,
  },
  eks: {
    version: VERSIONS.kubernetes,
    publicAccessCidrs: [],
    nodeGroups: [
      {
        name: 'general',
        instanceTypes: ['m7g.large', 'm6g.large'],
        minSize: 2,
        desiredSize: 2,
        maxSize: 4,
        diskSizeGiB: 50,
      },
    ],
    controlPlaneLogRetentionDays: 30,
  },
  database: {
    engineVersion: VERSIONS.postgres,
    parameterGroupFamily: VERSIONS.postgresFamily,
    instanceClass: 'db.t4g.medium',
    allocatedStorageGiB: 50,
    maxAllocatedStorageGiB: 200,
    multiAz: false,
    backupRetentionDays: 7,
    deletionProtection: true,
    backupWindow: '02:00-03:00',
    maintenanceWindow: 'sun:04:00-sun:05:00',
    databaseName: 'ecolaura',
    masterUsername: 'ecolaura_admin',
    logRetentionDays: 30,
  },
  backup: { retentionDays: 14, schedule: 'cron(0 3 * * ? *)' },
  domains: {
    publicZone: { name: 'staging.ecolaura.eu', id: 'Z02STAGING0ECOLAURA0001' },
    frontend: 'staging.ecolaura.eu',
    api: 'api.staging.ecolaura.eu',
    grafana: 'grafana.staging.ecolaura.eu',
    kibana: 'kibana.staging.ecolaura.eu',
  },
  frontend: {
    image: 'ghcr.io/ecolaura/frontend',
    tag: '1.4.2',
    replicas: 2,
    minReplicas: 2,
    maxReplicas: 4,
    targetCpuPercent: 70,
    resources: { cpuRequest: '100m', cpuLimit: '500m', memoryRequest: '64Mi', memoryLimit: '128Mi' },
  },
  backend: {
    image: 'ghcr.io/ecolaura/backend',
    tag: '2.7.0',
    replicas: 2,
    minReplicas: 2,
    maxReplicas: 4,
    targetCpuPercent: 70,
    resources: { cpuRequest: '250m', cpuLimit: '1', memoryRequest: '384Mi', memoryLimit: '768Mi' },
    gunicornWorkers: 3,
    gunicornTimeoutSeconds: 30,
  },
  gitops: { syncPolicy: 'automated', targetRevision: 'main' },
  observability: {
    metricsRetentionDays: 15,
    logRetentionDays: 30,
    elasticsearchNodes: 1,
    elasticsearchStorage: '50Gi',
  },
};
