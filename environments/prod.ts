import type { EnvironmentOverrides } from './overrides';
import { PROD_RELEASE_BRANCH } from './promotion';

/**
 * Production: the network exactly as the platform was specified (DESIGN.md), a NAT gateway per
 * AZ, multi-AZ database with deletion protection, and manual Argo CD sync of the promoted
 * `release/prod` branch (README: "Promoting to prod").
 */
export const prod = {
  accountId: '210000000003',
  network: {
    vpcCidr: '10.0.0.0/16',
    publicSubnets: [
      { cidr: '10.0.1.0/24', availabilityZone: 'eu-west-1a' },
      { cidr: '10.0.2.0/24', availabilityZone: 'eu-west-1b' },
    ],
    privateSubnets: [
      { cidr: '10.0.3.0/24', availabilityZone: 'eu-west-1a' },
      { cidr: '10.0.4.0/24', availabilityZone: 'eu-west-1b' },
    ],
    natGateways: 'one-per-az',
    flowLogRetentionDays: 90,
  },
  eks: {
    access: {
      adminRoleArn: 'arn:aws:iam::210000000003:role/ecolaura-platform-admin',
      breakGlassRoleArn: 'arn:aws:iam::210000000003:role/ecolaura-break-glass',
    },
    nodeGroups: [
      {
        name: 'general',
        instanceTypes: ['m7g.xlarge', 'm6g.xlarge'],
        minSize: 3,
        desiredSize: 3,
        maxSize: 9,
        diskSizeGiB: 50,
      },
    ],
    controlPlaneLogRetentionDays: 90,
  },
  database: {
    instanceClass: 'db.r7g.large',
    allocatedStorageGiB: 100,
    maxAllocatedStorageGiB: 500,
    multiAz: true,
    backupRetentionDays: 30,
    logRetentionDays: 90,
    enhancedMonitoringIntervalSeconds: 15,
    alarms: {
      topicArn: 'arn:aws:sns:eu-west-1:210000000003:ecolaura-prod-alarms',
      cpuUtilizationPercent: 80,
      freeStorageGiB: 20,
      // db.r7g.large (16 GiB) allows about 1,700 connections (LEAST(DBInstanceClassMemory/9531392, 5000)).
      connections: 1200,
    },
  },
  backup: { retentionDays: 35, copyRegion: 'eu-central-1', vaultLock: true },
  domains: {
    publicZone: { name: 'ecolaura.eu', id: 'Z03PROD0ECOLAURA0EU0001' },
    frontend: 'www.ecolaura.eu',
    api: 'api.ecolaura.eu',
    grafana: 'grafana.ecolaura.eu',
    kibana: 'kibana.ecolaura.eu',
  },
  frontend: {
    replicas: 3,
    minReplicas: 3,
    maxReplicas: 10,
    targetCpuPercent: 65,
    resources: { cpuRequest: '100m', cpuLimit: '500m', memoryRequest: '128Mi', memoryLimit: '256Mi' },
  },
  backend: {
    replicas: 3,
    minReplicas: 3,
    maxReplicas: 12,
    targetCpuPercent: 65,
    resources: { cpuRequest: '500m', cpuLimit: '1500m', memoryRequest: '512Mi', memoryLimit: '1Gi' },
    gunicornWorkers: 4,
  },
  gitops: { syncPolicy: 'manual', targetRevision: PROD_RELEASE_BRANCH },
  observability: {
    metricsRetentionDays: 30,
    prometheusStorage: '50Gi',
    logRetentionDays: 90,
    elasticsearchNodes: 3,
    elasticsearchStorage: '100Gi',
  },
} as const satisfies EnvironmentOverrides;
