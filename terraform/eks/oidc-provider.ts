import { IamOpenidConnectProvider } from '@cdktf/provider-aws/lib/iam-openid-connect-provider';
import { Fn, TerraformLocal } from 'cdktf';
import { Construct } from 'constructs';
import type { Environment } from '../../environments';
import { PRIMARY_RESOURCE_ID } from '../lib/logical-ids';
import { nameTag } from '../lib/tags';

export interface OidcProviderProps {
  /** The validated environment the construct is built for. */
  readonly environment: Environment;
  /** The cluster's OIDC issuer URL (`https://oidc.eks.<region>.amazonaws.com/id/…`). */
  readonly issuerUrl: string;
}

/**
 * SHA-1 thumbprint of the root CA behind every regional EKS OIDC endpoint. Written out
 * because reading it would take a data source and the plan must run offline; IAM no longer
 * relies on it for EKS issuers (it trusts its own CA library), so it never needs rotating here.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_providers_create_oidc_verify-thumbprint.html
 */
export const EKS_OIDC_ROOT_CA_THUMBPRINT = '9e99a48a9960b14926bb7f3b02e22da2b0ab7280';

/** The IAM OIDC identity provider that lets service accounts assume roles (IRSA). */
export class OidcProvider extends Construct {
  readonly provider: IamOpenidConnectProvider;
  /**
   * The issuer without its scheme, as a Terraform local: policies refer to it by name, so their
   * JSON holds no quoted function arguments and stays parseable as it is committed.
   */
  private readonly issuerHostLocal: TerraformLocal;

  constructor(scope: Construct, id: string, props: OidcProviderProps) {
    super(scope, id);
    this.provider = new IamOpenidConnectProvider(this, PRIMARY_RESOURCE_ID, {
      url: props.issuerUrl,
      clientIdList: ['sts.amazonaws.com'],
      thumbprintList: [EKS_OIDC_ROOT_CA_THUMBPRINT],
      tags: nameTag(props.environment.name, 'eks-oidc'),
    });
    this.issuerHostLocal = new TerraformLocal(this, 'issuer-host', Fn.replace(this.provider.url, 'https://', ''));
  }

  get arn(): string {
    return this.provider.arn;
  }

  /** The issuer without its scheme, as IAM condition keys spell it (`oidc.eks…/id/…`). */
  get issuerHost(): string {
    return this.issuerHostLocal.asString;
  }
}
