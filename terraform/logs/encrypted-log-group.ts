import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { Construct } from 'constructs';
import type { DataProfile } from '../../environments';
import { PRIMARY_RESOURCE_ID } from '../lib/logical-ids';
import { assertRetentionWithinProfile, dataTags } from '../lib/tags';

export interface EncryptedLogGroupProps {
  /**
   * Log group name. Services that create their own group (EKS, RDS) expect a fixed name, so
   * creating it first under that name is what lets us set retention and encryption.
   */
  readonly name: string;
  /** Days CloudWatch keeps events; must not exceed the profile's GDPR retention. */
  readonly retentionDays: number;
  /** ARN of the KMS key encrypting the events (the environment's log key). */
  readonly kmsKeyArn: string;
  /** What the logs hold, in GDPR terms; becomes the group's tags. */
  readonly profile: DataProfile;
}

/** A CloudWatch log group encrypted with a customer-managed key, with a bounded retention. */
export class EncryptedLogGroup extends Construct {
  readonly logGroup: CloudwatchLogGroup;

  constructor(scope: Construct, id: string, props: EncryptedLogGroupProps) {
    super(scope, id);
    assertRetentionWithinProfile(`log group ${props.name}`, props.retentionDays, props.profile);
    this.logGroup = new CloudwatchLogGroup(this, PRIMARY_RESOURCE_ID, {
      name: props.name,
      retentionInDays: props.retentionDays,
      kmsKeyId: props.kmsKeyArn,
      tags: dataTags(props.profile),
    });
  }

  get arn(): string {
    return this.logGroup.arn;
  }
}
