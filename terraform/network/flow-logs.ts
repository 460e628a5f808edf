import { FlowLog } from '@cdktf/provider-aws/lib/flow-log';
import { Construct } from 'constructs';
import { DATA_PROFILES, type Environment } from '../../environments';
import { ServiceRole } from '../iam/service-role';
import { policyDocument, serviceTrustPolicy } from '../lib/iam-policy';
import { resourceName } from '../lib/tags';
import { EncryptedLogGroup } from '../logs/encrypted-log-group';

export interface FlowLogsProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** ID of the environment VPC. */
  readonly vpcId: string;
  /** ARN of the KMS key encrypting the log group. */
  readonly logsKeyArn: string;
}

/** VPC flow logs of all traffic, to an encrypted CloudWatch log group with a retention. */
export class FlowLogs extends Construct {
  readonly logGroup: EncryptedLogGroup;

  constructor(scope: Construct, id: string, props: FlowLogsProps) {
    super(scope, id);
    const env = props.environment;
    this.logGroup = new EncryptedLogGroup(this, 'log-group', {
      name: `/aws/vpc/${resourceName(env.name, 'vpc')}/flow-logs`,
      retentionDays: env.network.flowLogRetentionDays,
      kmsKeyArn: props.logsKeyArn,
      // Flow records carry IP addresses.
      profile: DATA_PROFILES.operationalLogs,
    });
    const role = new ServiceRole(this, 'delivery-role', {
      roleName: resourceName(env.name, 'vpc-flow-logs'),
      description: 'Lets VPC Flow Logs deliver records to the flow-log group',
      assumeRolePolicy: serviceTrustPolicy('vpc-flow-logs.amazonaws.com', env.accountId),
      inlinePolicies: {
        'deliver-flow-logs': policyDocument([
          {
            Sid: 'WriteFlowLogGroup',
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
            Resource: [this.logGroup.arn, `${this.logGroup.arn}:*`],
          },
          {
            // DescribeLogGroups supports no resource-level permission.
            Sid: 'FindLogGroups',
            Effect: 'Allow',
            Action: 'logs:DescribeLogGroups',
            Resource: '*',
          },
        ]),
      },
    });
    new FlowLog(this, 'flow-log', {
      vpcId: props.vpcId,
      trafficType: 'ALL',
      logDestinationType: 'cloud-watch-logs',
      logDestination: this.logGroup.arn,
      iamRoleArn: role.arn,
      // One-minute aggregation makes incidents traceable to the minute.
      maxAggregationInterval: 60,
      tags: { Name: resourceName(env.name, 'vpc-flow-logs') },
    });
  }
}
