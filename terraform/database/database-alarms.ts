import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import { type DatabaseAlarmsSpec, databaseIdentifier, type Environment } from '../../environments';
import { resourceName } from '../lib/tags';

export interface DatabaseAlarmsProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** Thresholds and the SNS topic, from `database.alarms` in the model. */
  readonly alarms: DatabaseAlarmsSpec;
}

/** Seconds per evaluation period: RDS publishes its basic metrics every minute. */
const PERIOD_SECONDS = 300;
/** Periods that must breach before the alarm fires: fifteen minutes, not one busy spike. */
const EVALUATION_PERIODS = 3;
const GIB = 1024 ** 3;

/**
 * CloudWatch alarms on the database that page the on-call topic of the model: sustained CPU,
 * running out of storage, and connections nearing the class's limit. Each also notifies when it
 * clears, so the incident closes itself.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html
 */
export class DatabaseAlarms extends Construct {
  readonly alarms: readonly CloudwatchMetricAlarm[];

  constructor(scope: Construct, id: string, props: DatabaseAlarmsProps) {
    super(scope, id);
    const env = props.environment;
    const { topicArn, cpuUtilizationPercent, freeStorageGiB, connections } = props.alarms;
    const identifier = databaseIdentifier(env.name);
    const common = {
      namespace: 'AWS/RDS',
      dimensions: { DBInstanceIdentifier: identifier },
      period: PERIOD_SECONDS,
      evaluationPeriods: EVALUATION_PERIODS,
      alarmActions: [topicArn],
      okActions: [topicArn],
    };
    this.alarms = [
      new CloudwatchMetricAlarm(this, 'cpu', {
        ...common,
        alarmName: resourceName(env.name, 'postgres-cpu'),
        alarmDescription: `${identifier}: CPU above ${cpuUtilizationPercent}% for 15 minutes`,
        metricName: 'CPUUtilization',
        statistic: 'Average',
        comparisonOperator: 'GreaterThanThreshold',
        threshold: cpuUtilizationPercent,
        treatMissingData: 'missing',
      }),
      new CloudwatchMetricAlarm(this, 'free-storage', {
        ...common,
        alarmName: resourceName(env.name, 'postgres-free-storage'),
        alarmDescription: `${identifier}: less than ${freeStorageGiB} GiB of storage free`,
        metricName: 'FreeStorageSpace',
        statistic: 'Minimum',
        comparisonOperator: 'LessThanThreshold',
        // The metric is in bytes.
        threshold: freeStorageGiB * GIB,
        // No data from a database that should be reporting is itself worth a page.
        treatMissingData: 'breaching',
      }),
      new CloudwatchMetricAlarm(this, 'connections', {
        ...common,
        alarmName: resourceName(env.name, 'postgres-connections'),
        alarmDescription: `${identifier}: more than ${connections} open connections`,
        metricName: 'DatabaseConnections',
        statistic: 'Maximum',
        comparisonOperator: 'GreaterThanThreshold',
        threshold: connections,
        treatMissingData: 'missing',
      }),
    ];
  }
}
