import type { EnvironmentOverrides } from './overrides';
import { VERSIONS } from './versions';

/**
 * What every environment shares unless its file says otherwise. Secure by default (deletion
 * protection on, no public API endpoint, pinned versions); sizes are the small ones, which
 * prod raises. It leaves open what only an environment can know — its account, network ranges,
 * access roles, domains, node groups and workload sizes — so a file that forgets one fails to
 * compile (`declareEnvironment` in ./declared.ts) instead of inheriting another environment's.
 */
export const ENVIRONMENT_BASE = {
  region: 'eu-west-1',
  owner: 'platform-team',
  network: { natGateways: 'single', flowLogRetentionDays: 30 },
  eks: {
    version: VERSIONS.kubernetes,
    bastion: { instanceType: 't4g.nano', rootVolumeGiB: 8 },
    publicAccessCidrs: [],
    controlPlaneLogRetentionDays: 30,
  },
  database: {
    engineVersion: VERSIONS.postgres,
    parameterGroupFamily: VERSIONS.postgresFamily,
    autoMinorVersionUpgrade: true,
    multiAz: false,
    backupRetentionDays: 7,
    deletionProtection: true,
    backupWindow: '02:00-03:00',
    maintenanceWindow: 'sun:04:00-sun:05:00',
    databaseName: 'ecolaura',
    masterUsername: 'ecolaura_admin',
    logRetentionDays: 30,
    applicationUsername: 'ecolaura_app',
    enhancedMonitoringIntervalSeconds: 60,
    alarms: null,
  },
  backup: { schedule: 'cron(0 3 * * ? *)', copyRegion: null, vaultLock: false },
  frontend: { image: 'ghcr.io/ecolaura/frontend', tag: '1.4.2', targetCpuPercent: 70 },
  backend: { image: 'ghcr.io/ecolaura/backend', tag: '2.7.0', targetCpuPercent: 70, gunicornTimeoutSeconds: 30 },
  gitops: { syncPolicy: 'automated', targetRevision: 'main' },
  observability: { alertReceiver: { name: 'platform-team' }, elasticsearchNodes: 1 },
  offHours: null,
} as const satisfies EnvironmentOverrides;
