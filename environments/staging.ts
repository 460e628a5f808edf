import type { EnvironmentOverrides } from './overrides';

/** Staging: prod's shape at a smaller scale, so releases rehearse against the real topology. */
export const staging = {
  accountId: '210000000002',
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
  },
  eks: {
    access: {
      adminRoleArn: 'arn:aws:iam::210000000002:role/ecolaura-platform-admin',
      breakGlassRoleArn: 'arn:aws:iam::210000000002:role/ecolaura-break-glass',
    },
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
  },
  database: {
    instanceClass: 'db.t4g.medium',
    allocatedStorageGiB: 50,
    maxAllocatedStorageGiB: 200,
  },
  backup: { retentionDays: 14 },
  domains: {
    publicZone: { name: 'staging.ecolaura.eu', id: 'Z02STAGING0ECOLAURA0001' },
    frontend: 'staging.ecolaura.eu',
    api: 'api.staging.ecolaura.eu',
    grafana: 'grafana.staging.ecolaura.eu',
    kibana: 'kibana.staging.ecolaura.eu',
  },
  frontend: {
    replicas: 2,
    minReplicas: 2,
    maxReplicas: 4,
    resources: { cpuRequest: '100m', cpuLimit: '500m', memoryRequest: '64Mi', memoryLimit: '128Mi' },
  },
  backend: {
    replicas: 2,
    minReplicas: 2,
    maxReplicas: 4,
    resources: { cpuRequest: '250m', cpuLimit: '1', memoryRequest: '384Mi', memoryLimit: '768Mi' },
    gunicornWorkers: 3,
  },
  observability: {
    metricsRetentionDays: 15,
    prometheusStorage: '20Gi',
    logRetentionDays: 30,
    elasticsearchStorage: '50Gi',
  },
} as const satisfies EnvironmentOverrides;
