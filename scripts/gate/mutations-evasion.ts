/**
 * Mutation rows for the evasion classes of issue 9 (§3 Terraform, §4 Kubernetes) and the
 * peer-scanner policies (§5): each plants a defect the way an adversary would hide it (split
 * CIDRs, a value from a variable or ${null}, a sibling resource type, another region's provider,
 * a repeated env name, a pod template in a less common kind) in the real synthesized output.
 * `mutations.ts` appends them to its table; `mutations.test.ts` runs them all.
 */

import type { EnvironmentName } from '../../environments/model';
import type { Mutation } from './mutations';
import type { KubernetesObjectHandle, MutableTree } from './testing/mutable-tree';

type Json = Record<string, unknown>;

// biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
const NODES_GROUP = '${aws_security_group.eks_nodes_security_group.id}';

function sshHalf(cidr: string): Json {
  return { from_port: 22, to_port: 22, ip_protocol: 'tcp', cidr_ipv4: cidr, security_group_id: NODES_GROUP };
}

/** The prod backend Deployment's first container, edited through `edit`. */
function backendContainer(
  tree: MutableTree,
  env: EnvironmentName,
  edit: (handle: KubernetesObjectHandle, path: readonly (string | number)[]) => void,
): KubernetesObjectHandle {
  const deployment = tree.kubernetesObject(env, 'Deployment', (o) => (o.metadata as Json).name === 'backend');
  edit(deployment, ['spec', 'template', 'spec', 'containers', 0]);
  deployment.save();
  return deployment;
}

function securityContext(env: EnvironmentName, field: readonly string[], value: unknown): Mutation['apply'] {
  return (tree) =>
    backendContainer(tree, env, (handle, container) =>
      handle.document.setIn([...container, 'securityContext', ...field], value),
    );
}

export const EVASION_MUTATIONS: readonly Mutation[] = [
  {
    defect: 'SSH opened to the internet in two halves, 0.0.0.0/1 and 128.0.0.0/1 (prod)',
    policy: { id: 'ECO-SUP-002', package: 'ecolaura.supporting.security_group_open' },
    apply: (tree) => {
      tree.addTerraformResource('prod', 'aws_vpc_security_group_ingress_rule', 'ssh_low_half', sshHalf('0.0.0.0/1'));
      tree.addTerraformResource('prod', 'aws_vpc_security_group_ingress_rule', 'ssh_high_half', sshHalf('128.0.0.0/1'));
      return { file: tree.stackFile('prod'), resource: 'aws_security_group.eks_nodes_security_group' };
    },
  },
  {
    defect: 'an all-protocol rule from ::/0 spelled 0::0/0 (staging)',
    policy: { id: 'ECO-SUP-002', package: 'ecolaura.supporting.security_group_open' },
    apply: (tree) => {
      tree.addTerraformResource('staging', 'aws_vpc_security_group_ingress_rule', 'everything_v6', {
        ip_protocol: '-1',
        cidr_ipv6: '0::0/0',
        security_group_id: NODES_GROUP,
      });
      return { file: tree.stackFile('staging'), resource: 'aws_security_group.eks_nodes_security_group' };
    },
  },
  {
    defect: 'RDS publicly_accessible taken from a variable (dev)',
    policy: { id: 'ECO-SUP-001', package: 'ecolaura.supporting.rds_public' },
    apply: (tree) => {
      const db = tree.terraformResource('dev', 'aws_db_instance');
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
      db.body.publicly_accessible = '${var.public}';
      db.save();
      return db;
    },
  },
  {
    defect: 'a log group key set to a null interpolation while a tag references the key (prod)',
    policy: { id: 'ECO-ENC-005', package: 'ecolaura.encryption.log_group_kms' },
    apply: (tree) => {
      const group = tree.terraformResource('prod', 'aws_cloudwatch_log_group', (_, name) => name === 'eks_logs');
      const key = group.body.kms_key_id;
      // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
      group.body.kms_key_id = '${null}';
      group.body.tags = { ...(group.body.tags as Json), key };
      group.save();
      return group;
    },
  },
  {
    defect: 'EBS encryption by default moved to a provider alias in us-east-1 (prod)',
    policy: { id: 'ECO-ENC-009', package: 'ecolaura.encryption.ebs_default' },
    apply: (tree) => {
      const setting = tree.terraformResource('prod', 'aws_ebs_encryption_by_default');
      const providers = (setting.config.provider as Json).aws as Json[];
      providers.push({ alias: 'us', region: 'us-east-1' });
      setting.body.provider = 'aws.us';
      setting.save();
      return tree.terraformResource('prod', 'aws_eks_node_group');
    },
  },
  {
    defect: 'an instance without a root_block_device block (prod)',
    policy: { id: 'ECO-ENC-010', package: 'ecolaura.encryption.ec2_volumes' },
    apply: (tree) =>
      tree.addTerraformResource('prod', 'aws_instance', 'debug', {
        ami: 'ami-0123456789abcdef0',
        instance_type: 't4g.micro',
        metadata_options: { http_tokens: 'required' },
      }),
  },
  {
    defect: 'a launch configuration, the launch template sibling, without IMDSv2 (staging)',
    policy: { id: 'ECO-ENC-011', package: 'ecolaura.encryption.imdsv2' },
    apply: (tree) =>
      tree.addTerraformResource('staging', 'aws_launch_configuration', 'legacy', {
        image_id: 'ami-0123456789abcdef0',
        instance_type: 'm7g.large',
        root_block_device: { encrypted: true },
      }),
  },
  {
    defect: 'a SecureString SSM parameter holding a literal password (prod)',
    policy: { id: 'ECO-ENC-014', package: 'ecolaura.encryption.database_password' },
    apply: (tree) =>
      tree.addTerraformResource('prod', 'aws_ssm_parameter', 'db_password', {
        name: '/ecolaura/prod/db-password',
        type: 'SecureString',
        value: 'hunter22',
      }),
  },
  {
    defect: 'the EKS endpoint made public to 0.0.0.0/1 and 128.0.0.0/1 (prod)',
    policy: { id: 'ECO-TLS-006', package: 'ecolaura.https.eks_public_endpoint' },
    apply: (tree) => {
      const cluster = tree.terraformResource('prod', 'aws_eks_cluster');
      const config = cluster.body.vpc_config as Json;
      config.endpoint_public_access = true;
      config.public_access_cidrs = ['0.0.0.0/1', '128.0.0.0/1'];
      cluster.save();
      return cluster;
    },
  },
  {
    defect: 'an ApplicationSet whose git generator pulls over plain http (prod)',
    policy: { id: 'ECO-TLS-007', package: 'ecolaura.https.argocd_repo_transport' },
    apply: (tree) =>
      tree.addManifest(
        'prod',
        'argocd/ApplicationSet.previews.yaml',
        [
          'apiVersion: argoproj.io/v1alpha1',
          'kind: ApplicationSet',
          'metadata:',
          '  name: previews',
          '  namespace: argocd',
          'spec:',
          '  generators:',
          '    - git:',
          '        repoURL: http://git.example.com/platform.git',
          '        revision: main',
          '        directories:',
          '          - path: previews/*',
          '  template:',
          '    metadata:',
          "      name: '{{path.basename}}'",
          '    spec:',
          '      project: ecolaura',
          '      source:',
          '        repoURL: https://github.com/ecolaura/platform.git',
          '        targetRevision: main',
          "        path: '{{path}}'",
          '      destination:',
          '        server: https://kubernetes.default.svc',
          '',
        ].join('\n'),
        'ApplicationSet/argocd/previews',
      ),
  },
  {
    defect: 'PGSSLMODE repeated in a container, the last one disable (prod backend)',
    policy: { id: 'ECO-TLS-009', package: 'ecolaura.https.database_connection_tls' },
    apply: (tree) =>
      backendContainer(tree, 'prod', (handle, container) => {
        const env = (handle.document.getIn([...container, 'env']) as { toJSON(): Json[] } | undefined)?.toJSON() ?? [];
        handle.document.setIn(
          [...container, 'env'],
          [
            ...env,
            { name: 'PGHOST', value: 'db.internal' },
            { name: 'PGSSLMODE', value: 'verify-full' },
            { name: 'PGSSLMODE', value: 'disable' },
          ],
        );
      }),
  },
  {
    defect: 'RDS backups kept for one day (prod)',
    policy: { id: 'ECO-SUP-007', package: 'ecolaura.supporting.rds_backup_retention' },
    apply: (tree) => {
      const db = tree.terraformResource('prod', 'aws_db_instance');
      db.body.backup_retention_period = 1;
      db.save();
      return db;
    },
  },
  {
    defect: 'RDS IAM database authentication turned off (staging)',
    policy: { id: 'ECO-SUP-008', package: 'ecolaura.supporting.rds_iam_auth' },
    apply: (tree) => {
      const db = tree.terraformResource('staging', 'aws_db_instance');
      db.body.iam_database_authentication_enabled = false;
      db.save();
      return db;
    },
  },
  {
    defect: 'EKS audit and authenticator logs switched off (prod)',
    policy: { id: 'ECO-SUP-009', package: 'ecolaura.supporting.eks_control_plane_logs' },
    apply: (tree) => {
      const cluster = tree.terraformResource('prod', 'aws_eks_cluster');
      cluster.body.enabled_cluster_log_types = ['api', 'controllerManager', 'scheduler'];
      cluster.save();
      return cluster;
    },
  },
  {
    defect: 'the VPC flow log removed (dev)',
    policy: { id: 'ECO-SUP-010', package: 'ecolaura.supporting.vpc_flow_logs' },
    apply: (tree) => {
      const log = tree.terraformResource('dev', 'aws_flow_log');
      delete (log.config.resource as Record<string, Json>).aws_flow_log;
      log.save();
      return tree.terraformResource('dev', 'aws_vpc');
    },
  },
  {
    defect: 'the default security group given an allow-all egress rule (prod)',
    policy: { id: 'ECO-SUP-011', package: 'ecolaura.supporting.default_security_group' },
    apply: (tree) => {
      const group = tree.terraformResource('prod', 'aws_default_security_group');
      group.body.egress = [{ protocol: '-1', from_port: 0, to_port: 0, cidr_blocks: ['10.0.0.0/16'] }];
      group.save();
      return group;
    },
  },
  {
    defect: 'an unencrypted EFS file system (prod)',
    policy: { id: 'ECO-ENC-016', package: 'ecolaura.encryption.data_services_at_rest' },
    apply: (tree) =>
      tree.addTerraformResource('prod', 'aws_efs_file_system', 'shared', { performance_mode: 'generalPurpose' }),
  },
  {
    defect: 'an ElastiCache replication group without transit encryption (staging)',
    policy: { id: 'ECO-TLS-011', package: 'ecolaura.https.data_services_in_transit' },
    apply: (tree) =>
      tree.addTerraformResource('staging', 'aws_elasticache_replication_group', 'sessions', {
        description: 'sessions',
        at_rest_encryption_enabled: true,
        transit_encryption_enabled: false,
      }),
  },
  {
    defect: 'a privileged container (prod backend)',
    policy: { id: 'ECO-PSS-001', package: 'ecolaura.podsecurity.privileged' },
    apply: securityContext('prod', ['privileged'], true),
  },
  {
    defect: 'a privileged pod carried by a ReplicationController, a kind outside the old workload list (prod)',
    policy: { id: 'ECO-PSS-001', package: 'ecolaura.podsecurity.privileged' },
    apply: (tree) =>
      tree.addManifest(
        'prod',
        'backend/ReplicationController.legacy.yaml',
        [
          'apiVersion: v1',
          'kind: ReplicationController',
          'metadata:',
          '  name: legacy',
          '  namespace: ecolaura',
          'spec:',
          '  template:',
          '    spec:',
          '      containers:',
          '        - name: app',
          '          image: ghcr.io/ecolaura/backend:1.0.0',
          '          securityContext:',
          '            privileged: true',
          '',
        ].join('\n'),
        'ReplicationController/ecolaura/legacy',
      ),
  },
  {
    defect: 'hostNetwork on the backend pods (staging)',
    policy: { id: 'ECO-PSS-002', package: 'ecolaura.podsecurity.host_namespaces' },
    apply: (tree) => {
      const deployment = tree.kubernetesObject('staging', 'Deployment', (o) => (o.metadata as Json).name === 'backend');
      deployment.document.setIn(['spec', 'template', 'spec', 'hostNetwork'], true);
      deployment.save();
      return deployment;
    },
  },
  {
    defect: 'a hostPath volume on the frontend pods (prod)',
    policy: { id: 'ECO-PSS-003', package: 'ecolaura.podsecurity.host_path' },
    apply: (tree) => {
      const deployment = tree.kubernetesObject('prod', 'Deployment', (o) => (o.metadata as Json).name === 'frontend');
      const volumes = deployment.document.getIn(['spec', 'template', 'spec', 'volumes']) as
        | { toJSON(): Json[] }
        | undefined;
      deployment.document.setIn(
        ['spec', 'template', 'spec', 'volumes'],
        [...(volumes?.toJSON() ?? []), { name: 'node-logs', hostPath: { path: '/var/log' } }],
      );
      deployment.save();
      return deployment;
    },
  },
  {
    defect: 'the backend container overriding the pod with runAsNonRoot: false (dev)',
    policy: { id: 'ECO-PSS-004', package: 'ecolaura.podsecurity.run_as_non_root' },
    apply: securityContext('dev', ['runAsNonRoot'], false),
  },
  {
    defect: 'allowPrivilegeEscalation turned on (prod backend)',
    policy: { id: 'ECO-PSS-005', package: 'ecolaura.podsecurity.allow_privilege_escalation' },
    apply: securityContext('prod', ['allowPrivilegeEscalation'], true),
  },
  {
    defect: 'NET_ADMIN added back after dropping ALL (prod backend)',
    policy: { id: 'ECO-PSS-006', package: 'ecolaura.podsecurity.capabilities' },
    apply: securityContext('prod', ['capabilities', 'add'], ['NET_ADMIN']),
  },
  {
    defect: 'an Unconfined seccomp profile (staging backend)',
    policy: { id: 'ECO-PSS-007', package: 'ecolaura.podsecurity.seccomp' },
    apply: securityContext('staging', ['seccompProfile', 'type'], 'Unconfined'),
  },
  {
    defect: 'a writable root filesystem (prod backend)',
    policy: { id: 'ECO-PSS-008', package: 'ecolaura.podsecurity.read_only_root_filesystem' },
    apply: securityContext('prod', ['readOnlyRootFilesystem'], false),
  },
];
