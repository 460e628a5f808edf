import { environment, loadEnvironments } from './index';
import type { Environment } from './model';
import { ModelError, validateEnvironment } from './validate';

const [dev, staging, prod] = [environment('dev'), environment('staging'), environment('prod')];

type DeepMutable<T> = { -readonly [K in keyof T]: DeepMutable<T[K]> };

/** Applies `change` to a deep copy of prod, so each test breaks exactly one thing. */
function prodWith(change: (env: DeepMutable<Environment>) => void): Environment {
  const copy = structuredClone(prod) as DeepMutable<Environment>;
  change(copy);
  return copy as Environment;
}

function refusal(env: Environment): string {
  try {
    loadEnvironments([dev, staging, env]);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return (error as Error).message;
  }
  throw new Error('the model was accepted');
}

describe('the environment model', () => {
  it('accepts the declared dev, staging and prod', () => {
    expect(loadEnvironments().map((env) => env.name)).toEqual(['dev', 'staging', 'prod']);
    for (const env of [dev, staging, prod]) expect(validateEnvironment(env)).toEqual([]);
  });

  it('gives prod exactly the network the platform was specified with', () => {
    expect(prod.network.vpcCidr).toBe('10.0.0.0/16');
    expect(prod.network.publicSubnets.map((s) => s.cidr)).toEqual(['10.0.1.0/24', '10.0.2.0/24']);
    expect(prod.network.privateSubnets.map((s) => s.cidr)).toEqual(['10.0.3.0/24', '10.0.4.0/24']);
    expect(new Set(prod.network.privateSubnets.map((s) => s.availabilityZone)).size).toBe(2);
  });

  it('refuses an invalid CIDR, naming the environment and the field', () => {
    const message = refusal(prodWith((env) => (env.network.publicSubnets[0].cidr = '10.0.1.0/33')));
    expect(message).toContain(
      'environment "prod": network.publicSubnets[0].cidr: "10.0.1.0/33" has a prefix length above 32',
    );
  });

  it('refuses a CIDR with host bits set', () => {
    expect(refusal(prodWith((env) => (env.network.vpcCidr = '10.0.0.1/16')))).toContain(
      'network.vpcCidr: "10.0.0.1/16" has host bits set for a /16',
    );
  });

  it('refuses a subnet outside its VPC', () => {
    const message = refusal(prodWith((env) => (env.network.privateSubnets[1].cidr = '10.1.4.0/24')));
    expect(message).toContain('network.privateSubnets[1].cidr: "10.1.4.0/24" lies outside the VPC 10.0.0.0/16');
  });

  it('refuses overlapping subnets', () => {
    const message = refusal(prodWith((env) => (env.network.privateSubnets[0].cidr = '10.0.0.0/22')));
    expect(message).toContain('network.privateSubnets[0].cidr: "10.0.0.0/22" overlaps network.publicSubnets[0].cidr');
  });

  it('refuses the two subnets of a tier in the same availability zone', () => {
    const message = refusal(prodWith((env) => (env.network.privateSubnets[1].availabilityZone = 'eu-west-1a')));
    expect(message).toContain('network.privateSubnets[1].availabilityZone: "eu-west-1a" is the zone of');
  });

  it('refuses a region outside the EU', () => {
    const message = refusal(prodWith((env) => (env.region = 'us-east-1' as Environment['region'])));
    expect(message).toContain('environment "prod": region: "us-east-1" is not an EU region');
  });

  it('refuses a prod database without multi-AZ', () => {
    expect(refusal(prodWith((env) => (env.database.multiAz = false)))).toContain(
      'environment "prod": database.multiAz: is false',
    );
  });

  it('refuses a prod database without deletion protection', () => {
    expect(refusal(prodWith((env) => (env.database.deletionProtection = false)))).toContain(
      'environment "prod": database.deletionProtection: is false',
    );
  });

  it('refuses a prod that follows main, the branch every merge moves', () => {
    expect(refusal(prodWith((env) => (env.gitops.targetRevision = 'main')))).toContain(
      'environment "prod": gitops.targetRevision: "main" moves on every merge; prod follows a ref only a promotion moves',
    );
  });

  it('lets prod follow the release/prod branch while dev and staging follow main', () => {
    expect(prod.gitops.targetRevision).toBe('release/prod');
    expect([dev.gitops.targetRevision, staging.gitops.targetRevision]).toEqual(['main', 'main']);
    expect(validateEnvironment(prodWith((env) => (env.gitops.targetRevision = 'v2026.12.1')))).toEqual([]);
  });

  it('refuses a prod database keeping backups for fewer than 14 days', () => {
    expect(refusal(prodWith((env) => (env.database.backupRetentionDays = 7)))).toContain(
      "database.backupRetentionDays: 7 is below prod's minimum of 14 days",
    );
  });

  it('lets a smaller environment save a standby but never the region rule', () => {
    expect(validateEnvironment(dev)).toEqual([]);
    expect(dev.database.multiAz).toBe(false);
    const devInUs = { ...dev, region: 'us-west-2' } as unknown as Environment;
    expect(validateEnvironment(devInUs).map((p) => p.field)).toContain('region');
  });

  it('refuses a non-Graviton node instance type', () => {
    const message = refusal(
      prodWith((env) => {
        const [group] = env.eks.nodeGroups;
        if (group) group.instanceTypes = ['m5.xlarge'];
      }),
    );
    expect(message).toContain('eks.nodeGroups[0].instanceTypes[0]: "m5.xlarge" is not a Graviton type');
  });

  it('refuses a database log retention CloudWatch does not accept', () => {
    expect(refusal(prodWith((env) => (env.database.logRetentionDays = 45)))).toContain(
      'database.logRetentionDays: 45 is not a CloudWatch retention value',
    );
  });

  it('refuses an unpinned image tag', () => {
    expect(refusal(prodWith((env) => (env.backend.tag = 'latest')))).toContain(
      'backend.tag: "latest" is not a pinned tag',
    );
  });

  it('lists every problem at once rather than the first only', () => {
    const broken = prodWith((env) => {
      env.region = 'us-east-1' as Environment['region'];
      env.database.multiAz = false;
    });
    expect(validateEnvironment(broken).map((p) => p.field)).toEqual(
      expect.arrayContaining(['region', 'database.multiAz']),
    );
  });

  it('refuses a Prometheus volume size that is not whole GiB', () => {
    expect(refusal(prodWith((env) => (env.observability.prometheusStorage = '50GB')))).toContain(
      'environment "prod": observability.prometheusStorage: "50GB" is not a size in Gi',
    );
  });

  it('refuses an alert receiver name Alertmanager and Kubernetes cannot both carry', () => {
    expect(refusal(prodWith((env) => (env.observability.alertReceiver.name = 'Platform Team')))).toContain(
      'observability.alertReceiver.name: "Platform Team" is not a lowercase name',
    );
  });

  it('refuses off-hours in prod, which serves customers around the clock', () => {
    const sleepy = prodWith((env) => {
      env.offHours = { timeZone: 'Europe/Brussels', scaleDown: '0 20 * * 1-5', scaleUp: '0 7 * * 1-5' };
    });
    expect(refusal(sleepy)).toContain('environment "prod": offHours: is set; prod serves customers around the clock');
  });

  it('refuses an off-hours schedule that is not a five-field cron expression or zone', () => {
    const devWith = structuredClone(dev) as DeepMutable<Environment>;
    devWith.offHours = { timeZone: 'CET', scaleDown: '20:00', scaleUp: '0 7 * * 1-5' };
    const fields = validateEnvironment(devWith as Environment).map((p) => p.field);
    expect(fields).toEqual(['offHours.timeZone', 'offHours.scaleDown']);
  });

  it('gives dev working hours and keeps staging and prod awake', () => {
    expect(dev.offHours).toEqual({ timeZone: 'Europe/Brussels', scaleDown: '0 20 * * 1-5', scaleUp: '0 7 * * 1-5' });
    expect(staging.offHours).toBeNull();
    expect(prod.offHours).toBeNull();
  });
});

describe('the versions of the model', () => {
  it('runs Kubernetes 1.35 in every environment, never the 1.28 whose extended support ended', () => {
    for (const env of [dev, staging, prod]) {
      expect(env.eks.version).toBe('1.35');
      expect(env.eks.version).not.toBe('1.28');
    }
  });

  it('refuses a Kubernetes version without a row of pinned add-on versions', () => {
    expect(refusal(prodWith((env) => (env.eks.version = '1.28')))).toContain(
      'environment "prod": eks.version: "1.28" has no row of pinned add-on versions; add one to EKS_ADDON_VERSIONS',
    );
  });

  it('pins the PostgreSQL major only, with automatic minor upgrades on', () => {
    for (const env of [dev, staging, prod]) {
      expect(env.database.engineVersion).toBe('16');
      expect(env.database.autoMinorVersionUpgrade).toBe(true);
      expect(env.database.parameterGroupFamily).toBe('postgres16');
    }
  });

  it('refuses the old pinned minor 16.4 together with automatic minor upgrades', () => {
    expect(refusal(prodWith((env) => (env.database.engineVersion = '16.4')))).toContain(
      'environment "prod": database.engineVersion: "16.4" pins a minor while autoMinorVersionUpgrade is on',
    );
  });

  it('accepts a pinned minor once automatic minor upgrades are off', () => {
    const env = prodWith((e) => {
      e.database.engineVersion = '16.6';
      e.database.autoMinorVersionUpgrade = false;
    });
    expect(validateEnvironment(env)).toEqual([]);
  });

  it('refuses a major-only version with automatic minor upgrades off', () => {
    expect(refusal(prodWith((env) => (env.database.autoMinorVersionUpgrade = false)))).toContain(
      'database.autoMinorVersionUpgrade: is false with the major-only engine version "16"',
    );
  });

  it('refuses a parameter group family of another major', () => {
    expect(refusal(prodWith((env) => (env.database.parameterGroupFamily = 'postgres15')))).toContain(
      'database.parameterGroupFamily: "postgres15" does not match engine version 16; use postgres16',
    );
    expect(refusal(prodWith((env) => (env.database.parameterGroupFamily = 'postgres1')))).toContain(
      'database.parameterGroupFamily: "postgres1" does not match',
    );
  });
});

describe('the cluster access of the model', () => {
  it('refuses an admin role ARN that is not an IAM role ARN', () => {
    expect(refusal(prodWith((env) => (env.eks.access.adminRoleArn = 'ecolaura-platform-admin')))).toContain(
      'environment "prod": eks.access.adminRoleArn: "ecolaura-platform-admin" is not an IAM role ARN',
    );
  });

  it('refuses a break-glass role of another account', () => {
    const arn = 'arn:aws:iam::999999999999:role/ecolaura-break-glass';
    expect(refusal(prodWith((env) => (env.eks.access.breakGlassRoleArn = arn)))).toContain(
      `eks.access.breakGlassRoleArn: "${arn}" is a role of account 999999999999; name a role of the environment's account 210000000003`,
    );
  });

  it('refuses a break-glass role that is the admin role', () => {
    expect(refusal(prodWith((env) => (env.eks.access.breakGlassRoleArn = env.eks.access.adminRoleArn)))).toContain(
      'eks.access.breakGlassRoleArn: "arn:aws:iam::210000000003:role/ecolaura-platform-admin" is the admin role too',
    );
  });

  it('refuses a bastion that is not Graviton', () => {
    expect(refusal(prodWith((env) => (env.eks.bastion.instanceType = 't3.nano')))).toContain(
      'eks.bastion.instanceType: "t3.nano" is not a Graviton type',
    );
  });

  it('refuses a host outside the public zone, since ACM validates its certificate in that zone', () => {
    expect(refusal(prodWith((env) => (env.domains.grafana = 'grafana.example.com')))).toContain(
      'environment "prod": domains.grafana: "grafana.example.com" lies outside the public zone ecolaura.eu',
    );
  });

  it('refuses a public zone id that is not a Route 53 hosted zone id', () => {
    expect(refusal(prodWith((env) => (env.domains.publicZone.id = 'ecolaura.eu')))).toContain(
      'environment "prod": domains.publicZone.id: "ecolaura.eu" is not a Route 53 hosted zone id',
    );
  });

  it('refuses a log retention beyond the operational-logs GDPR profile', () => {
    expect(refusal(prodWith((env) => (env.observability.logRetentionDays = 365)))).toContain(
      'environment "prod": observability.logRetentionDays: 365 is outside 1–90 days',
    );
  });

  it('refuses a backup copy region outside the EU', () => {
    const message = refusal(prodWith((env) => (env.backup.copyRegion = 'us-east-1' as Environment['region'])));
    expect(message).toContain('environment "prod": backup.copyRegion: "us-east-1" is not an EU region');
  });

  it('refuses a backup copy region equal to the primary region', () => {
    expect(refusal(prodWith((env) => (env.backup.copyRegion = 'eu-west-1')))).toContain(
      'backup.copyRegion: "eu-west-1" is the primary region',
    );
  });

  it('refuses a prod without a backup copy region or without vault lock', () => {
    expect(refusal(prodWith((env) => (env.backup.copyRegion = null)))).toContain(
      'environment "prod": backup.copyRegion: is null',
    );
    expect(refusal(prodWith((env) => (env.backup.vaultLock = false)))).toContain(
      'environment "prod": backup.vaultLock: is false',
    );
  });

  it('refuses a prod database without alarms', () => {
    expect(refusal(prodWith((env) => (env.database.alarms = null)))).toContain(
      'environment "prod": database.alarms: is null',
    );
  });

  it('refuses an alarm topic that is not an SNS ARN, or lives in another region', () => {
    const notArn = prodWith((env) => {
      if (env.database.alarms) env.database.alarms.topicArn = 'ecolaura-prod-alarms';
    });
    expect(refusal(notArn)).toContain('database.alarms.topicArn: "ecolaura-prod-alarms" is not an SNS topic ARN');
    const virginia = prodWith((env) => {
      if (env.database.alarms) env.database.alarms.topicArn = 'arn:aws:sns:us-east-1:210000000003:alarms';
    });
    expect(refusal(virginia)).toContain('is in region us-east-1; alarm actions only reach topics of their own region');
  });

  it('refuses an enhanced-monitoring interval RDS does not accept', () => {
    expect(refusal(prodWith((env) => (env.database.enhancedMonitoringIntervalSeconds = 20 as 15)))).toContain(
      'database.enhancedMonitoringIntervalSeconds: 20 is not one of 1, 5, 10, 15, 30, 60',
    );
  });

  it('refuses the master user as the application user', () => {
    expect(refusal(prodWith((env) => (env.database.applicationUsername = env.database.masterUsername)))).toContain(
      'database.applicationUsername: "ecolaura_admin" must be a lower-case PostgreSQL identifier other than the master user',
    );
  });
});
