/**
 * Issue 7 item 8, proved with real Terraform: a changed instance type replaces the node group,
 * and the plan orders that replacement create-then-delete, so the cluster never runs without
 * nodes. The node group is the one the stack synthesizes (references pinned to literals), planned
 * offline against a state holding the group with the old instance types. The old stack's shape
 * (a fixed name, no create-before-destroy) is planned the same way as the counter-example.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { environment, VERSIONS } from '../../environments';
import { findTerraform } from '../../scripts/lib/terraform-binary';
import { renderCliConfig } from '../../scripts/lib/terraform-cli-config';
import { findProviderMirror } from '../../scripts/lib/terraform-mirror';
import { type Json, synthesizeEnvironment } from '../testing/synthesized-stack';

const OLD_TYPES = ['m7g.xlarge', 'm6g.xlarge'];
const NEW_TYPES = ['c7g.xlarge'];
const LITERALS = {
  cluster_name: 'ecolaura-prod',
  node_role_arn: 'arn:aws:iam::210000000003:role/ecolaura-prod-eks-node',
  subnet_ids: ['subnet-0aaaaaaaaaaaaaaaa', 'subnet-0bbbbbbbbbbbbbbbb'],
  launch_template: { id: 'lt-0123456789abcdef0', version: '1' },
};

/** The prod node group as synthesized with the new instance types, references made literal. */
function synthesizedNodeGroup(): Json {
  const prod = environment('prod');
  const stack = synthesizeEnvironment({
    ...prod,
    eks: { ...prod.eks, nodeGroups: prod.eks.nodeGroups.map((g) => ({ ...g, instanceTypes: NEW_TYPES })) },
  });
  const { depends_on: _dependsOn, ...group } = stack.resources('aws_eks_node_group').eks_nodes_general_node_group;
  return { ...group, ...LITERALS };
}

/** A state holding the group as it runs today: the old instance types, under `name`. */
function stateWith(group: Json, name: string, prefix: string): Json {
  const attributes = {
    id: `ecolaura-prod:${name}`,
    arn: `arn:aws:eks:eu-west-1:210000000003:nodegroup/ecolaura-prod/${name}/0`,
    cluster_name: LITERALS.cluster_name,
    node_group_name: name,
    node_group_name_prefix: prefix,
    ami_type: group.ami_type,
    capacity_type: group.capacity_type,
    instance_types: OLD_TYPES,
    labels: group.labels,
    launch_template: [{ ...LITERALS.launch_template, name: 'ecolaura-prod-general-nodes' }],
    node_role_arn: LITERALS.node_role_arn,
    scaling_config: [group.scaling_config],
    subnet_ids: LITERALS.subnet_ids,
    tags: group.tags,
    tags_all: group.tags,
    update_config: [{ max_unavailable: 1, max_unavailable_percentage: 0 }],
    version: VERSIONS.kubernetes,
    status: 'ACTIVE',
  };
  return {
    version: 4,
    terraform_version: '1.10.0',
    serial: 1,
    lineage: '00000000-0000-4000-8000-000000000000',
    outputs: {},
    resources: [
      {
        mode: 'managed',
        type: 'aws_eks_node_group',
        name: 'general',
        provider: 'provider["registry.terraform.io/hashicorp/aws"]',
        instances: [{ schema_version: 0, attributes, sensitive_attributes: [] }],
      },
    ],
  };
}

/** Plans `group` against `state` offline and returns the actions Terraform chose for it. */
function plannedActions(group: Json, state: Json): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'node-group-plan-'));
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      AWS_ACCESS_KEY_ID: 'offline-plan',
      AWS_SECRET_ACCESS_KEY: 'offline-plan',
      AWS_EC2_METADATA_DISABLED: 'true',
      TF_IN_AUTOMATION: '1',
    };
    const { found } = findProviderMirror({ version: VERSIONS.awsProvider });
    if (found) {
      writeFileSync(join(dir, 'cli.tfrc'), renderCliConfig(found.dir));
      env.TF_CLI_CONFIG_FILE = join(dir, 'cli.tfrc');
    }
    const config = {
      terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: VERSIONS.awsProvider } } },
      provider: {
        aws: [
          {
            region: 'eu-west-1',
            skip_credentials_validation: true,
            skip_requesting_account_id: true,
            skip_metadata_api_check: 'true',
          },
        ],
      },
      resource: { aws_eks_node_group: { general: group } },
    };
    writeFileSync(join(dir, 'main.tf.json'), JSON.stringify(config));
    writeFileSync(join(dir, 'terraform.tfstate'), JSON.stringify(state));
    const terraform = findTerraform();
    const run = (args: string[]) => {
      const result = spawnSync(terraform, args, { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      if (result.status !== 0) throw new Error(`terraform ${args[0]} failed:\n${result.stdout}\n${result.stderr}`);
      return result.stdout;
    };
    run(['init', '-backend=false', '-input=false', '-no-color']);
    run(['plan', '-refresh=false', '-lock=false', '-input=false', '-no-color', '-out=plan.bin']);
    const plan = JSON.parse(run(['show', '-json', 'plan.bin']));
    const change = plan.resource_changes.find((c: Json) => c.address === 'aws_eks_node_group.general');
    return change.change.actions;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('changing the instance type of a node group', () => {
  it('plans the new group before the old one is deleted', () => {
    const group = synthesizedNodeGroup();
    expect(group.instance_types).toEqual(NEW_TYPES);
    expect(plannedActions(group, stateWith(group, 'general-20261201000000000000000001', 'general-'))).toEqual([
      'create',
      'delete',
    ]);
  }, 300_000);

  it('would have deleted the only group first with the old fixed name and no create-before-destroy', () => {
    const { node_group_name_prefix: _prefix, lifecycle, ...rest } = synthesizedNodeGroup();
    const old = { ...rest, node_group_name: 'general', lifecycle: { ignore_changes: lifecycle.ignore_changes } };
    expect(plannedActions(old, stateWith(old, 'general', ''))).toEqual(['delete', 'create']);
  }, 300_000);
});
