import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey as KmsKeyResource } from '@cdktf/provider-aws/lib/kms-key';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import type { Environment } from '../../environments';
import { type PolicyStatement, policyDocument } from '../lib/iam-policy';
import { resourceName } from '../lib/tags';

export interface KmsKeyProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** What the key protects, kebab-case (`eks-secrets`); names the alias and the description. */
  readonly purpose: string;
  /** One line on what the key encrypts. */
  readonly description: string;
  /**
   * Key policy statements beyond the account's own administration, for AWS services that use
   * the key directly rather than through a caller's grant (CloudWatch Logs, for instance).
   * @default - none
   */
  readonly serviceStatements?: readonly PolicyStatement[];
  /**
   * The AWS provider (region) the key lives in; KMS keys never leave their region.
   * @default - the stack's default provider, in the environment's region
   */
  readonly provider?: TerraformProvider;
  /**
   * Alias of the key, when another side names it by a derived alias (`ebsKmsKeyAlias`).
   * @default `alias/<project>-<env>-<purpose>`
   */
  readonly aliasName?: string;
}

/**
 * Days a scheduled key deletion waits. The maximum, because deleting a key makes everything
 * it encrypted unreadable: a month leaves time to notice and cancel.
 */
export const KEY_DELETION_WINDOW_DAYS = 30;

/** A symmetric customer-managed KMS key with yearly rotation and an alias. */
export class KmsKey extends Construct {
  readonly key: KmsKeyResource;
  readonly alias: KmsAlias;

  constructor(scope: Construct, id: string, props: KmsKeyProps) {
    super(scope, id);
    const { environment: env } = props;
    this.key = new KmsKeyResource(this, 'key', {
      provider: props.provider,
      description: `${resourceName(env.name, props.purpose)}: ${props.description}`,
      enableKeyRotation: true,
      deletionWindowInDays: KEY_DELETION_WINDOW_DAYS,
      policy: policyDocument([
        {
          // Without this statement IAM policies cannot grant use of the key and the account
          // could lock itself out (AWS KMS default key policy).
          Sid: 'AccountAdministersKey',
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${env.accountId}:root` },
          Action: 'kms:*',
          Resource: '*',
        },
        ...(props.serviceStatements ?? []),
      ]),
    });
    this.alias = new KmsAlias(this, 'alias', {
      provider: props.provider,
      name: props.aliasName ?? `alias/${resourceName(env.name, props.purpose)}`,
      targetKeyId: this.key.keyId,
    });
  }

  get arn(): string {
    return this.key.arn;
  }
}
