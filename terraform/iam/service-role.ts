import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { IamRolePolicyAttachment } from '@cdktf/provider-aws/lib/iam-role-policy-attachment';
import type { ITerraformDependable } from 'cdktf';
import { Construct } from 'constructs';
import { awsManagedPolicyArn } from '../lib/iam-policy';
import { PRIMARY_RESOURCE_ID } from '../lib/logical-ids';

export interface ServiceRoleProps {
  /** IAM role name; derived from the environment so it reads the same everywhere. */
  readonly roleName: string;
  /** One line saying what assumes the role and why. */
  readonly description: string;
  /** Trust policy document (JSON); see `serviceTrustPolicy` and `IrsaRole`. */
  readonly assumeRolePolicy: string;
  /**
   * AWS managed policies to attach, by name (e.g. `AmazonEKSClusterPolicy`).
   * @default - none
   */
  readonly managedPolicies?: readonly string[];
  /**
   * Inline policy documents (JSON), by policy name. Used for least-privilege grants that name
   * this environment's own resources.
   * @default - none
   */
  readonly inlinePolicies?: Readonly<Record<string, string>>;
}

/** An IAM role with its managed policy attachments and inline policies. */
export class ServiceRole extends Construct {
  readonly role: IamRole;
  /**
   * The role with every policy attached: a resource that acts with the role's rights depends
   * on these, so it never starts before its permissions exist.
   */
  readonly grants: readonly ITerraformDependable[];

  constructor(scope: Construct, id: string, props: ServiceRoleProps) {
    super(scope, id);
    this.role = new IamRole(this, PRIMARY_RESOURCE_ID, {
      name: props.roleName,
      description: props.description,
      assumeRolePolicy: props.assumeRolePolicy,
    });
    const attachments = [...(props.managedPolicies ?? [])].sort().map(
      (policy) =>
        new IamRolePolicyAttachment(this, kebab(policy), {
          role: this.role.name,
          policyArn: awsManagedPolicyArn(policy),
        }),
    );
    const inline = Object.entries(props.inlinePolicies ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, document]) => new IamRolePolicy(this, name, { name, role: this.role.id, policy: document }));
    this.grants = [this.role, ...attachments, ...inline];
  }

  get arn(): string {
    return this.role.arn;
  }
}

/** `AmazonEKSClusterPolicy` → `amazon-eks-cluster-policy`, a readable construct id. */
function kebab(policyName: string): string {
  const base = policyName.split('/').pop() ?? policyName;
  return base
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .replace(/_/g, '-')
    .toLowerCase();
}
