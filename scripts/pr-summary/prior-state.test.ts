import { pendingChanges, stateFromPlan } from './prior-state';
import type { ProviderSchemas } from './provider-schema';

const AWS = 'registry.terraform.io/hashicorp/aws';

const SCHEMAS: ProviderSchemas = {
  [AWS]: {
    aws_vpc: {
      version: 1,
      block: { attributes: { id: { type: 'string' }, arn: { type: 'string' }, cidr_block: { type: 'string' } } },
    },
    aws_subnet: {
      version: 1,
      block: { attributes: { id: { type: 'string' }, vpc_id: { type: 'string' }, tags: { type: ['map', 'string'] } } },
    },
    aws_eks_cluster: {
      version: 1,
      block: {
        attributes: {
          id: { type: 'string' },
          identity: { type: ['list', ['object', { oidc: ['list', ['object', { issuer: 'string' }]] }]] },
          password: { type: 'string' },
        },
      },
    },
  },
};

function planned(address: string, after: unknown, afterUnknown: unknown, afterSensitive: unknown = {}) {
  const [type, name] = address.split('.');
  return {
    address,
    mode: 'managed',
    type,
    name,
    provider_name: AWS,
    change: { actions: ['create'], after, after_unknown: afterUnknown, after_sensitive: afterSensitive },
  };
}

const PLAN = {
  terraform_version: '1.11.4',
  resource_changes: [
    planned('aws_vpc.main', { cidr_block: '10.0.0.0/16' }, { id: true, arn: true }),
    planned('aws_subnet.a', { tags: { Name: 'a' } }, { id: true, vpc_id: true }),
    planned('aws_eks_cluster.eks', { password: 'x' }, { id: true, identity: true }, { password: true }),
  ],
  configuration: {
    root_module: { resources: [{ address: 'aws_eks_cluster.eks', provider_config_key: 'aws.backup_copy' }] },
  },
};
// biome-ignore lint/suspicious/noTemplateCurlyInString: a Terraform reference as cdktf writes it
const CONFIG = { resource: { aws_subnet: { a: { vpc_id: '${aws_vpc.main.id}' } } } };
const CONTEXT = { accountId: '210000000003', region: 'eu-west-1' };

describe('stateFromPlan', () => {
  const state = stateFromPlan({ plan: PLAN, schemas: SCHEMAS, context: CONTEXT, config: CONFIG, where: 'test' });
  const attributes = (type: string) =>
    state.resources.find((r) => r.type === type)?.instances[0]?.attributes as Record<string, unknown>;

  it('writes a version 4 state with the schema version of each resource and its provider alias', () => {
    expect(state.version).toBe(4);
    expect(state.terraform_version).toBe('1.11.4');
    expect(state.resources.find((r) => r.type === 'aws_vpc')?.instances[0]?.schema_version).toBe(1);
    expect(state.resources.find((r) => r.type === 'aws_eks_cluster')?.provider).toBe(`provider["${AWS}"].backup_copy`);
  });

  it('keeps known values and gives AWS-computed ones synthetic values of the right kind', () => {
    const vpc = attributes('aws_vpc');
    expect(vpc.cidr_block).toBe('10.0.0.0/16');
    expect(vpc.id).toMatch(/^vpc-[0-9a-f]{17}$/);
    expect(vpc.arn).toMatch(/^arn:aws:vpc:eu-west-1:210000000003:vpc\/main-[0-9a-f]{8}$/);
  });

  it('resolves a pure reference to the value the referenced resource got', () => {
    expect(attributes('aws_subnet').vpc_id).toBe(attributes('aws_vpc').id);
  });

  it('gives a computed list of objects one element, so `identity[0].oidc[0].issuer` resolves', () => {
    const identity = attributes('aws_eks_cluster').identity as { oidc: { issuer: string }[] }[];
    expect(identity[0]?.oidc[0]?.issuer).toMatch(/^https:\/\/[0-9a-f]{16}\.synthetic\.invalid$/);
  });

  it('records sensitive attributes as state paths', () => {
    const cluster = state.resources.find((r) => r.type === 'aws_eks_cluster')?.instances[0];
    expect(cluster?.sensitive_attributes).toEqual([[{ type: 'get_attr', value: 'password' }]]);
  });

  it("is deterministic, and keeps an earlier round's values where the plan still does not know them", () => {
    const again = stateFromPlan({ plan: PLAN, schemas: SCHEMAS, context: CONTEXT, config: CONFIG, where: 'test' });
    expect(JSON.stringify(again)).toBe(JSON.stringify(state));
    const earlier = JSON.parse(JSON.stringify(state));
    earlier.resources[0].instances[0].attributes.arn = 'arn:aws:ec2:eu-west-1:210000000003:vpc/vpc-kept';
    const next = stateFromPlan({
      plan: PLAN,
      schemas: SCHEMAS,
      context: CONTEXT,
      config: CONFIG,
      prior: earlier,
      where: 'test',
    });
    expect(next.resources[0]?.instances[0]?.attributes).toMatchObject({
      arn: 'arn:aws:ec2:eu-west-1:210000000003:vpc/vpc-kept',
    });
  });

  it('refuses a resource type the provider schema does not know, naming it', () => {
    const plan = { resource_changes: [planned('aws_nothing.x', {}, {})] };
    expect(() => stateFromPlan({ plan, schemas: SCHEMAS, context: CONTEXT, config: {}, where: 'prod (base)' })).toThrow(
      'prod (base): aws_nothing.x: the provider schema has no resource type aws_nothing',
    );
  });
});

describe('pendingChanges', () => {
  it('lists every managed resource the plan would still change', () => {
    expect(pendingChanges(PLAN)).toEqual([
      'aws_vpc.main (create)',
      'aws_subnet.a (create)',
      'aws_eks_cluster.eks (create)',
    ]);
    expect(
      pendingChanges({ resource_changes: [{ ...planned('aws_vpc.main', {}, {}), change: { actions: ['no-op'] } }] }),
    ).toEqual([]);
  });
});
