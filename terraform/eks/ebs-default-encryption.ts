import { EbsEncryptionByDefault } from '@cdktf/provider-aws/lib/ebs-encryption-by-default';
import { Construct } from 'constructs';
import { PRIMARY_RESOURCE_ID } from '../lib/logical-ids';

/**
 * EBS encryption by default for the environment's account and region, so every volume (node
 * roots, persistent volumes of the EBS CSI driver, snapshots) is encrypted even when its
 * creator forgets to ask. It uses the AWS managed `aws/ebs` key, which every service in the
 * account can use without key-policy changes; data stores that need their own key (RDS,
 * backups) have one.
 */
export class EbsDefaultEncryption extends Construct {
  readonly setting: EbsEncryptionByDefault;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.setting = new EbsEncryptionByDefault(this, PRIMARY_RESOURCE_ID, { enabled: true });
  }
}
