import { databaseIdentifier, ENVIRONMENT_NAMES } from '../../environments';
import { platformStack } from '../testing/synthesized-stack';

describe('the prod database alarms', () => {
  const stack = () => platformStack('prod');
  const alarms = () => stack().resources('aws_cloudwatch_metric_alarm');
  const spec = () => {
    const found = stack().environment.database.alarms;
    if (!found) throw new Error('prod declares no database alarms');
    return found;
  };

  it('watch CPU, free storage and connections of the prod instance', () => {
    expect(Object.keys(alarms()).sort()).toEqual([
      'database_alarms_connections',
      'database_alarms_cpu',
      'database_alarms_free_storage',
    ]);
    for (const alarm of Object.values(alarms())) {
      expect(alarm.namespace).toBe('AWS/RDS');
      expect(alarm.dimensions).toEqual({ DBInstanceIdentifier: databaseIdentifier('prod') });
    }
  });

  it('notify the SNS topic of the model when they fire and when they clear', () => {
    for (const alarm of Object.values(alarms())) {
      expect(alarm.alarm_actions).toEqual([spec().topicArn]);
      expect(alarm.ok_actions).toEqual([spec().topicArn]);
    }
  });

  it('use the model thresholds, free storage in bytes', () => {
    expect(alarms().database_alarms_cpu).toMatchObject({
      metric_name: 'CPUUtilization',
      comparison_operator: 'GreaterThanThreshold',
      threshold: spec().cpuUtilizationPercent,
    });
    expect(alarms().database_alarms_free_storage).toMatchObject({
      metric_name: 'FreeStorageSpace',
      comparison_operator: 'LessThanThreshold',
      threshold: spec().freeStorageGiB * 1024 ** 3,
    });
    expect(alarms().database_alarms_connections).toMatchObject({
      metric_name: 'DatabaseConnections',
      threshold: spec().connections,
    });
  });
});

it.each(ENVIRONMENT_NAMES.filter((name) => name !== 'prod'))(
  '%s raises no database alarm, as its model asks',
  (name) => {
    expect(platformStack(name).environment.database.alarms).toBeNull();
    expect(platformStack(name).resources('aws_cloudwatch_metric_alarm')).toEqual({});
  },
);
