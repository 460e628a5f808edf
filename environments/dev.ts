import type { EnvironmentOverrides } from './overrides';

/**
 * Development: the smallest footprint that still exercises every security control. One NAT
 * gateway, burstable Graviton nodes, one replica each; never weaker encryption or access rules.
 */
export const dev = {
  accountId: '210000000001',
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
  },
  eks: {
    access: {
      adminRoleArn: 'arn:aws:iam::210000000001:role/ecolaura-platform-admin',
      breakGlassRoleArn: 'arn:aws:iam::210000000001:role/ecolaura-break-glass',
    },
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
  },
  database: {
    instanceClass: 'db.t4g.micro',
    allocatedStorageGiB: 20,
    maxAllocatedStorageGiB: 50,
    // Off in dev alone, so its stack can be torn down and rebuilt; staging and prod keep the base's.
    deletionProtection: false,
    logRetentionDays: 14,
  },
  backup: { retentionDays: 7 },
  domains: {
    publicZone: { name: 'dev.ecolaura.eu', id: 'Z01DEV0ECOLAURA0EU00001' },
    frontend: 'dev.ecolaura.eu',
    api: 'api.dev.ecolaura.eu',
    grafana: 'grafana.dev.ecolaura.eu',
    kibana: 'kibana.dev.ecolaura.eu',
  },
  frontend: {
    replicas: 1,
    minReplicas: 1,
    maxReplicas: 3,
    resources: { cpuRequest: '50m', cpuLimit: '250m', memoryRequest: '64Mi', memoryLimit: '128Mi' },
  },
  backend: {
    replicas: 1,
    minReplicas: 1,
    maxReplicas: 3,
    resources: { cpuRequest: '100m', cpuLimit: '500m', memoryRequest: '256Mi', memoryLimit: '512Mi' },
    gunicornWorkers: 2,
  },
  observability: {
    metricsRetentionDays: 7,
    prometheusStorage: '10Gi',
    logRetentionDays: 14,
    elasticsearchStorage: '20Gi',
  },
  // Nobody works on dev at night or at weekends: the shop sleeps (apps/scaling/off-hours.ts).
  offHours: { timeZone: 'Europe/Brussels', scaleDown: '0 20 * * 1-5', scaleUp: '0 7 * * 1-5' },
} as const satisfies EnvironmentOverrides;
