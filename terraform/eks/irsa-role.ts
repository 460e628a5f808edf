import { Construct } from 'constructs';
import {
  type Environment,
  IRSA_SERVICE_ACCOUNTS,
  type IrsaRole as IrsaRoleKey,
  irsaRoleName,
} from '../../environments';
import { ServiceRole } from '../iam/service-role';
import { policyDocument } from '../lib/iam-policy';
import { PRIMARY_RESOURCE_ID } from '../lib/logical-ids';

export interface IrsaRoleProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** Which service account of `IRSA_SERVICE_ACCOUNTS` may assume the role. */
  readonly serviceAccount: IrsaRoleKey;
  /** ARN of the cluster's IAM OIDC provider. */
  readonly oidcProviderArn: string;
  /** The issuer without scheme, as IAM condition keys spell it. */
  readonly oidcIssuerHost: string;
  /** One line on what the service account does with the role. */
  readonly description: string;
  /**
   * AWS managed policies, by name.
   * @default - none
   */
  readonly managedPolicies?: readonly string[];
  /**
   * Inline least-privilege policy documents, by name.
   * @default - none
   */
  readonly inlinePolicies?: Readonly<Record<string, string>>;
}

/**
 * An IAM role for one Kubernetes service account (IRSA). Its trust is bound to that exact
 * namespace and service account and to the STS audience, so no other pod can assume it.
 * https://docs.aws.amazon.com/eks/latest/userguide/associate-service-account-role.html
 */
export class IrsaRole extends Construct {
  readonly role: ServiceRole;

  constructor(scope: Construct, id: string, props: IrsaRoleProps) {
    super(scope, id);
    const { namespace, serviceAccount } = IRSA_SERVICE_ACCOUNTS[props.serviceAccount];
    this.role = new ServiceRole(this, PRIMARY_RESOURCE_ID, {
      roleName: irsaRoleName(props.environment.name, props.serviceAccount),
      description: props.description,
      assumeRolePolicy: policyDocument([
        {
          Sid: 'AssumedByServiceAccount',
          Effect: 'Allow',
          Principal: { Federated: props.oidcProviderArn },
          Action: 'sts:AssumeRoleWithWebIdentity',
          Condition: {
            StringEquals: {
              [`${props.oidcIssuerHost}:sub`]: `system:serviceaccount:${namespace}:${serviceAccount}`,
              [`${props.oidcIssuerHost}:aud`]: 'sts.amazonaws.com',
            },
          },
        },
      ]),
      managedPolicies: props.managedPolicies,
      inlinePolicies: props.inlinePolicies,
    });
  }

  get arn(): string {
    return this.role.arn;
  }
}
