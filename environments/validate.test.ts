import { dev } from './dev';
import { loadEnvironments } from './index';
import type { Environment } from './model';
import { prod } from './prod';
import { staging } from './staging';
import { ModelError, validateEnvironment } from './validate';

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
