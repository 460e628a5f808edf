import { DATA_PROFILES, ENVIRONMENT_NAMES, GDPR_KEYS } from '../../environments';
import { platformStack, ref, statement } from '../testing/synthesized-stack';

describe.each(ENVIRONMENT_NAMES)('the %s VPC flow logs', (name) => {
  const stack = () => platformStack(name);

  it('record all traffic of the VPC into the flow-log group', () => {
    expect(stack().only('aws_flow_log')).toMatchObject({
      vpc_id: ref('aws_vpc', 'network_vpc', 'id'),
      traffic_type: 'ALL',
      log_destination_type: 'cloud-watch-logs',
      log_destination: ref('aws_cloudwatch_log_group', 'network_flow_logs_log_group', 'arn'),
    });
  });

  it('keep records for the model retention, encrypted with the log key, tagged as operational logs', () => {
    const group = stack().resources('aws_cloudwatch_log_group').network_flow_logs_log_group;
    expect(group.retention_in_days).toBe(stack().environment.network.flowLogRetentionDays);
    expect(group.kms_key_id).toBe(ref('aws_kms_key', 'keys_logs_key', 'arn'));
    expect(group.tags[GDPR_KEYS.retentionDays]).toBe(String(DATA_PROFILES.operationalLogs.retentionDays));
  });

  it('deliver through a role only VPC Flow Logs of this account can assume', () => {
    const role = stack().resources('aws_iam_role').network_flow_logs_delivery_role;
    const trust = statement(role.assume_role_policy, 'AssumedByService');
    expect(trust.Principal).toEqual({ Service: 'vpc-flow-logs.amazonaws.com' });
    expect(trust.Condition.StringEquals['aws:SourceAccount']).toBe(stack().environment.accountId);
  });
});
