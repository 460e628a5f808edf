/**
 * The mutation table: one realistic defect per row, planted in a copy of the committed
 * synthesized output. `mutations.test.ts` runs the gate on each copy and expects exit 1 with
 * the named policy at the planted file and resource. Each row names its policy twice — by id and
 * by the Rego package the catalog lists for it — so renumbering a policy cannot silently make a
 * row pass against a different one.
 */

import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { EVASION_MUTATIONS } from './mutations-evasion';
import type { MutableTree, MutationTarget } from './testing/mutable-tree';

export interface Mutation {
  /** The defect, as a reviewer would describe it. */
  readonly defect: string;
  /** The policy that must catch it. */
  readonly policy: { readonly id: string; readonly package: string };
  /** Plants the defect and returns where the gate must point. */
  readonly apply: (tree: MutableTree) => MutationTarget;
}

type Json = Record<string, unknown>;

/** cdktf writes a single nested block as an object, a repeated one as a list; edit either. */
function blocks(value: unknown): Json[] {
  if (Array.isArray(value)) return value as Json[];
  return value && typeof value === 'object' ? [value as Json] : [];
}

function withoutKey(record: unknown, key: string): Json {
  const copy = { ...(record as Json) };
  delete copy[key];
  return copy;
}

const OPEN_SSH = {
  description: 'SSH from anywhere',
  from_port: 22,
  to_port: 22,
  ip_protocol: 'tcp',
  cidr_ipv4: '0.0.0.0/0',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
  security_group_id: '${aws_security_group.eks_nodes_security_group.id}',
};

export const MUTATIONS: readonly Mutation[] = [
  {
    defect: 'RDS storage encryption turned off (prod)',
    policy: { id: 'ECO-ENC-001', package: 'ecolaura.encryption.rds_storage' },
    apply: (tree) => {
      const db = tree.terraformResource('prod', 'aws_db_instance');
      db.body.storage_encrypted = false;
      db.save();
      return db;
    },
  },
  {
    defect: 'RDS encrypted with the AWS-managed key instead of a customer-managed one (staging)',
    policy: { id: 'ECO-ENC-001', package: 'ecolaura.encryption.rds_storage' },
    apply: (tree) => {
      const db = tree.terraformResource('staging', 'aws_db_instance');
      delete db.body.kms_key_id;
      db.save();
      return db;
    },
  },
  {
    defect: 'Performance Insights without a KMS key (prod)',
    policy: { id: 'ECO-ENC-002', package: 'ecolaura.encryption.rds_performance_insights' },
    apply: (tree) => {
      const db = tree.terraformResource('prod', 'aws_db_instance');
      delete db.body.performance_insights_kms_key_id;
      db.save();
      return db;
    },
  },
  {
    defect: 'RDS made publicly accessible (dev)',
    policy: { id: 'ECO-SUP-001', package: 'ecolaura.supporting.rds_public' },
    apply: (tree) => {
      const db = tree.terraformResource('dev', 'aws_db_instance');
      db.body.publicly_accessible = true;
      db.save();
      return db;
    },
  },
  {
    defect: 'a literal master password on the RDS instance (dev)',
    policy: { id: 'ECO-ENC-014', package: 'ecolaura.encryption.database_password' },
    apply: (tree) => {
      const db = tree.terraformResource('dev', 'aws_db_instance');
      delete db.body.manage_master_user_password;
      db.body.password = 'Sup3rSecret!';
      db.save();
      return db;
    },
  },
  {
    defect: 'rds.force_ssl set to 0 in the database parameter group (prod)',
    policy: { id: 'ECO-TLS-004', package: 'ecolaura.https.rds_force_ssl' },
    apply: (tree) => {
      const group = tree.terraformResource('prod', 'aws_db_parameter_group');
      for (const parameter of blocks(group.body.parameter)) {
        if (parameter.name === 'rds.force_ssl') parameter.value = '0';
      }
      group.save();
      // The policy judges the instance: it is the instance that accepts plain connections.
      return tree.terraformResource('prod', 'aws_db_instance');
    },
  },
  {
    defect: 'prod database without multi-AZ',
    policy: { id: 'ECO-SUP-004', package: 'ecolaura.supporting.prod_multi_az' },
    apply: (tree) => {
      const db = tree.terraformResource('prod', 'aws_db_instance');
      db.body.multi_az = false;
      db.save();
      return db;
    },
  },
  {
    defect: 'prod EKS cluster back on Kubernetes 1.28, whose extended support ended',
    policy: { id: 'ECO-SUP-020', package: 'ecolaura.supporting.eks_supported_version' },
    apply: (tree) => {
      const cluster = tree.terraformResource('prod', 'aws_eks_cluster');
      cluster.body.version = '1.28';
      cluster.save();
      return cluster;
    },
  },
  {
    defect: 'prod database back on PostgreSQL 13, past its RDS standard support (2026-02-28)',
    policy: { id: 'ECO-SUP-030', package: 'ecolaura.supporting.support_lifecycle' },
    apply: (tree) => {
      const database = tree.terraformResource('prod', 'aws_db_instance');
      database.body.engine_version = '13';
      database.save();
      return database;
    },
  },
  {
    defect: 'the private ACL reply rule widened to every protocol from the internet (staging)',
    policy: { id: 'ECO-SUP-021', package: 'ecolaura.supporting.network_acl_internet_ingress' },
    apply: (tree) => {
      const rule = tree.terraformResource(
        'staging',
        'aws_network_acl_rule',
        (body) => body.cidr_block === '0.0.0.0/0' && body.egress === false,
      );
      rule.body.protocol = '-1';
      rule.body.from_port = 0;
      rule.body.to_port = 0;
      rule.save();
      return rule;
    },
  },
  {
    defect: 'a public ACL reply range from the internet that covers RDP 3389 (prod)',
    policy: { id: 'ECO-SUP-021', package: 'ecolaura.supporting.network_acl_internet_ingress' },
    apply: (tree) => {
      const rule = tree.terraformResource(
        'prod',
        'aws_network_acl_rule',
        (body) => body.cidr_block === '0.0.0.0/0' && body.egress === false && body.from_port === 1024,
      );
      rule.body.to_port = 65535;
      rule.save();
      return rule;
    },
  },
  {
    defect: 'prod database without deletion protection',
    policy: { id: 'ECO-SUP-003', package: 'ecolaura.supporting.prod_deletion_protection' },
    apply: (tree) => {
      const db = tree.terraformResource('prod', 'aws_db_instance');
      db.body.deletion_protection = false;
      db.save();
      return db;
    },
  },
  {
    defect: 'GDPR personal-data tag removed from the database (staging)',
    policy: { id: 'ECO-GDPR-004', package: 'ecolaura.gdpr.aws_data_tags' },
    apply: (tree) => {
      const db = tree.terraformResource('staging', 'aws_db_instance');
      db.body.tags = withoutKey(db.body.tags, 'gdpr.ecolaura.io/personal-data');
      db.save();
      return db;
    },
  },
  {
    defect: 'personal data without a lawful basis tag on the backup vault (prod)',
    policy: { id: 'ECO-GDPR-003', package: 'ecolaura.gdpr.personal_data_details' },
    apply: (tree) => {
      const vault = tree.terraformResource('prod', 'aws_backup_vault');
      vault.body.tags = withoutKey(vault.body.tags, 'gdpr.ecolaura.io/lawful-basis');
      vault.save();
      return vault;
    },
  },
  {
    defect: 'the AWS provider moved to a non-EU region (staging)',
    policy: { id: 'ECO-GDPR-005', package: 'ecolaura.gdpr.eu_region' },
    apply: (tree) => {
      const db = tree.terraformResource('staging', 'aws_db_instance');
      for (const provider of blocks((db.config.provider as Json).aws)) provider.region = 'us-east-1';
      db.save();
      return db;
    },
  },
  {
    defect: 'KMS key rotation turned off (prod)',
    policy: { id: 'ECO-ENC-004', package: 'ecolaura.encryption.kms_rotation' },
    apply: (tree) => {
      const key = tree.terraformResource('prod', 'aws_kms_key');
      key.body.enable_key_rotation = false;
      key.save();
      return key;
    },
  },
  {
    defect: 'a CloudWatch log group without a KMS key (dev)',
    policy: { id: 'ECO-ENC-005', package: 'ecolaura.encryption.log_group_kms' },
    apply: (tree) => {
      const group = tree.terraformResource('dev', 'aws_cloudwatch_log_group');
      delete group.body.kms_key_id;
      group.save();
      return group;
    },
  },
  {
    defect: 'log retention longer than the retention-days tag allows (prod)',
    policy: { id: 'ECO-GDPR-006', package: 'ecolaura.gdpr.log_retention' },
    apply: (tree) => {
      // A group holding personal data: only those carry a retention-days tag to exceed.
      const group = tree.terraformResource(
        'prod',
        'aws_cloudwatch_log_group',
        (body) => (body.tags as Json | undefined)?.['gdpr.ecolaura.io/retention-days'] !== undefined,
      );
      group.body.retention_in_days = 400;
      group.save();
      return group;
    },
  },
  {
    defect: 'a log group that never expires (staging)',
    policy: { id: 'ECO-GDPR-006', package: 'ecolaura.gdpr.log_retention' },
    apply: (tree) => {
      const group = tree.terraformResource('staging', 'aws_cloudwatch_log_group');
      delete group.body.retention_in_days;
      group.save();
      return group;
    },
  },
  {
    defect: 'a backup vault without a KMS key (staging)',
    policy: { id: 'ECO-ENC-006', package: 'ecolaura.encryption.backup_vault_kms' },
    apply: (tree) => {
      const vault = tree.terraformResource('staging', 'aws_backup_vault');
      delete vault.body.kms_key_arn;
      vault.save();
      return vault;
    },
  },
  {
    defect: 'prod backups no longer copied to the second region (copy_action removed)',
    policy: { id: 'ECO-SUP-022', package: 'ecolaura.supporting.prod_backup_resilience' },
    apply: (tree) => {
      const plan = tree.terraformResource('prod', 'aws_backup_plan');
      for (const rule of blocks(plan.body.rule)) delete rule.copy_action;
      plan.save();
      return plan;
    },
  },
  {
    defect: 'the prod backup vault lock without its minimum retention',
    policy: { id: 'ECO-SUP-022', package: 'ecolaura.supporting.prod_backup_resilience' },
    apply: (tree) => {
      const lock = tree.terraformResource(
        'prod',
        'aws_backup_vault_lock_configuration',
        (_, name) => name === 'backup_vault_lock',
      );
      delete lock.body.min_retention_days;
      lock.save();
      return tree.terraformResource('prod', 'aws_backup_vault', (_, name) => name === 'backup_vault');
    },
  },
  {
    defect: 'EKS secrets encryption removed (prod)',
    policy: { id: 'ECO-ENC-003', package: 'ecolaura.encryption.eks_secrets' },
    apply: (tree) => {
      const cluster = tree.terraformResource('prod', 'aws_eks_cluster');
      delete cluster.body.encryption_config;
      cluster.save();
      return cluster;
    },
  },
  {
    defect: 'EKS API endpoint opened to 0.0.0.0/0 (dev)',
    policy: { id: 'ECO-TLS-006', package: 'ecolaura.https.eks_public_endpoint' },
    apply: (tree) => {
      const cluster = tree.terraformResource('dev', 'aws_eks_cluster');
      for (const vpc of blocks(cluster.body.vpc_config)) {
        vpc.endpoint_public_access = true;
        vpc.public_access_cidrs = ['0.0.0.0/0'];
      }
      cluster.save();
      return cluster;
    },
  },
  {
    defect: 'IMDSv2 made optional on the node launch template (prod)',
    policy: { id: 'ECO-ENC-011', package: 'ecolaura.encryption.imdsv2' },
    apply: (tree) => {
      const template = tree.terraformResource('prod', 'aws_launch_template');
      for (const options of blocks(template.body.metadata_options)) options.http_tokens = 'optional';
      template.save();
      return template;
    },
  },
  {
    defect: 'unencrypted node root volumes in the launch template (staging)',
    policy: { id: 'ECO-ENC-010', package: 'ecolaura.encryption.ec2_volumes' },
    apply: (tree) => {
      const template = tree.terraformResource('staging', 'aws_launch_template');
      for (const mapping of blocks(template.body.block_device_mappings)) {
        for (const ebs of blocks(mapping.ebs)) ebs.encrypted = 'false';
      }
      template.save();
      return template;
    },
  },
  {
    defect: 'EBS encryption by default turned off (dev)',
    policy: { id: 'ECO-ENC-009', package: 'ecolaura.encryption.ebs_default' },
    apply: (tree) => {
      const setting = tree.terraformResource('dev', 'aws_ebs_encryption_by_default');
      setting.body.enabled = false;
      setting.save();
      return setting;
    },
  },
  {
    defect: 'a security group rule admitting SSH from 0.0.0.0/0 (prod)',
    policy: { id: 'ECO-SUP-002', package: 'ecolaura.supporting.security_group_open' },
    apply: (tree) => {
      tree.addTerraformResource('prod', 'aws_vpc_security_group_ingress_rule', 'ssh_from_anywhere', OPEN_SSH);
      // Coverage is judged on the group the rules open, so the violation names the group.
      return { file: tree.stackFile('prod'), resource: 'aws_security_group.eks_nodes_security_group' };
    },
  },
  {
    defect: 'a backup plan rule that keeps recovery points forever (prod)',
    policy: { id: 'ECO-GDPR-007', package: 'ecolaura.gdpr.backup_retention' },
    apply: (tree) => {
      const plan = tree.terraformResource('prod', 'aws_backup_plan');
      for (const rule of blocks(plan.body.rule)) delete rule.lifecycle;
      plan.save();
      return plan;
    },
  },
  {
    defect: 'a new S3 bucket encrypted with S3-managed keys instead of KMS (staging)',
    policy: { id: 'ECO-ENC-007', package: 'ecolaura.encryption.s3_kms' },
    apply: (tree) => {
      const bucket = tree.addTerraformResource('staging', 'aws_s3_bucket', 'exports', {
        bucket: 'ecolaura-staging-exports',
      });
      tree.addTerraformResource('staging', 'aws_s3_bucket_server_side_encryption_configuration', 'exports', {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
        bucket: '${aws_s3_bucket.exports.id}',
        rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' } }],
      });
      return bucket;
    },
  },
  {
    defect: 'a new S3 bucket whose public access block lets public policies through (dev)',
    policy: { id: 'ECO-ENC-008', package: 'ecolaura.encryption.s3_public_access' },
    apply: (tree) => {
      tree.addTerraformResource('dev', 'aws_s3_bucket', 'exports', { bucket: 'ecolaura-dev-exports' });
      return tree.addTerraformResource('dev', 'aws_s3_bucket_public_access_block', 'exports', {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
        bucket: '${aws_s3_bucket.exports.id}',
        block_public_acls: true,
        block_public_policy: false,
        ignore_public_acls: true,
        restrict_public_buckets: false,
      });
    },
  },
  {
    defect: 'a new load balancer listener forwarding plain HTTP (prod)',
    policy: { id: 'ECO-TLS-005', package: 'ecolaura.https.lb_listener_tls' },
    apply: (tree) =>
      tree.addTerraformResource('prod', 'aws_lb_listener', 'web_http', {
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
        load_balancer_arn: '${aws_lb.web.arn}',
        port: 80,
        protocol: 'HTTP',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: Terraform interpolation syntax, not a JS template
        default_action: { type: 'forward', target_group_arn: '${aws_lb_target_group.web.arn}' },
      }),
  },
  {
    defect: 'x86 instance types on the EKS node group (staging)',
    policy: { id: 'ECO-GRN-001', package: 'ecolaura.sustainability.graviton' },
    apply: (tree) => {
      const nodes = tree.terraformResource('staging', 'aws_eks_node_group');
      nodes.body.instance_types = ['m5.large'];
      nodes.save();
      return nodes;
    },
  },
  {
    defect: 'a second NAT gateway outside prod (dev)',
    policy: { id: 'ECO-GRN-002', package: 'ecolaura.sustainability.single_nat' },
    apply: (tree) => {
      const nat = tree.terraformResource('dev', 'aws_nat_gateway');
      return tree.addTerraformResource('dev', 'aws_nat_gateway', `${nat.name}_second`, { ...nat.body });
    },
  },
  {
    defect: 'the frontend HPA pointing at a Deployment that does not exist (prod)',
    policy: { id: 'ECO-GRN-003', package: 'ecolaura.sustainability.hpa_present' },
    apply: (tree) => {
      const hpa = tree.kubernetesObject(
        'prod',
        'HorizontalPodAutoscaler',
        (o) => (o.metadata as Json).name === 'frontend',
      );
      hpa.document.setIn(['spec', 'scaleTargetRef', 'name'], 'frontend-v1');
      hpa.save();
      return tree.kubernetesObject('prod', 'Deployment', (o) => (o.metadata as Json).name === 'frontend');
    },
  },
  {
    defect: 'a container image tagged :latest (prod frontend)',
    policy: { id: 'ECO-SUP-005', package: 'ecolaura.supporting.image_pinned' },
    apply: (tree) => {
      const deployment = tree.kubernetesObject('prod', 'Deployment', (o) => (o.metadata as Json).name === 'frontend');
      deployment.document.setIn(
        ['spec', 'template', 'spec', 'containers', 0, 'image'],
        'ghcr.io/ecolaura/frontend:latest',
      );
      deployment.save();
      return deployment;
    },
  },
  {
    defect: 'a container without resource limits (staging backend)',
    policy: { id: 'ECO-SUP-006', package: 'ecolaura.supporting.container_resources' },
    apply: (tree) => {
      const deployment = tree.kubernetesObject('staging', 'Deployment', (o) => (o.metadata as Json).name === 'backend');
      deployment.document.deleteIn(['spec', 'template', 'spec', 'containers', 0, 'resources', 'limits']);
      deployment.save();
      return deployment;
    },
  },
  {
    defect: 'GDPR personal-data label removed from a Deployment (dev)',
    policy: { id: 'ECO-GDPR-001', package: 'ecolaura.gdpr.kubernetes_labels' },
    apply: (tree) => {
      const deployment = tree.kubernetesObject('dev', 'Deployment');
      deployment.document.deleteIn(['metadata', 'labels', 'gdpr.ecolaura.io/personal-data']);
      deployment.save();
      return deployment;
    },
  },
  {
    defect: 'GDPR classification label removed from a pod template (prod backend)',
    policy: { id: 'ECO-GDPR-001', package: 'ecolaura.gdpr.kubernetes_labels' },
    apply: (tree) => {
      const deployment = tree.kubernetesObject('prod', 'Deployment', (o) => (o.metadata as Json).name === 'backend');
      deployment.document.deleteIn(['spec', 'template', 'metadata', 'labels', 'gdpr.ecolaura.io/data-classification']);
      deployment.save();
      return deployment;
    },
  },
  {
    defect: 'a Namespace labelled with a classification outside the vocabulary (staging)',
    policy: { id: 'ECO-GDPR-002', package: 'ecolaura.gdpr.label_values' },
    apply: (tree) => {
      const namespace = tree.kubernetesObject('staging', 'Namespace', (o) => (o.metadata as Json).name === 'ecolaura');
      namespace.document.setIn(['metadata', 'labels', 'gdpr.ecolaura.io/data-classification'], 'top-secret');
      namespace.save();
      return namespace;
    },
  },
  {
    defect: 'personal data without a retention-days label (prod Elasticsearch)',
    policy: { id: 'ECO-GDPR-003', package: 'ecolaura.gdpr.personal_data_details' },
    apply: (tree) => {
      const elasticsearch = tree.kubernetesObject('prod', 'Elasticsearch');
      elasticsearch.document.deleteIn(['metadata', 'labels', 'gdpr.ecolaura.io/retention-days']);
      elasticsearch.save();
      return elasticsearch;
    },
  },
  {
    defect: 'an ALB Ingress whose HTTPS listener was dropped, leaving HTTP 80 only (prod)',
    policy: { id: 'ECO-TLS-001', package: 'ecolaura.https.ingress_tls' },
    apply: (tree) => {
      const ingress = tree.kubernetesObject('prod', 'Ingress', (o) => (o.metadata as Json).name === 'frontend');
      ingress.document.setIn(['metadata', 'annotations', 'alb.ingress.kubernetes.io/listen-ports'], '[{"HTTP":80}]');
      ingress.save();
      return ingress;
    },
  },
  {
    defect: 'an ALB Ingress downgraded to a TLS 1.0 security policy (staging)',
    policy: { id: 'ECO-TLS-001', package: 'ecolaura.https.ingress_tls' },
    apply: (tree) => {
      const ingress = tree.kubernetesObject('staging', 'Ingress', (o) => (o.metadata as Json).name === 'backend');
      ingress.document.setIn(
        ['metadata', 'annotations', 'alb.ingress.kubernetes.io/ssl-policy'],
        'ELBSecurityPolicy-2016-08',
      );
      ingress.save();
      return ingress;
    },
  },
  {
    defect: 'an ALB Ingress that no longer redirects HTTP 80 to HTTPS (staging)',
    policy: { id: 'ECO-TLS-002', package: 'ecolaura.https.ingress_https_redirect' },
    apply: (tree) => {
      const ingress = tree.kubernetesObject('staging', 'Ingress', (o) => (o.metadata as Json).name === 'backend');
      ingress.document.deleteIn(['metadata', 'annotations', 'alb.ingress.kubernetes.io/ssl-redirect']);
      ingress.save();
      return ingress;
    },
  },
  {
    defect: 'Kibana moved to the internet-facing ALB (prod)',
    policy: { id: 'ECO-TLS-010', package: 'ecolaura.https.admin_ui_internal' },
    apply: (tree) => {
      const ingress = tree.kubernetesObject('prod', 'Ingress', (o) => (o.metadata as Json).name === 'kibana');
      ingress.document.setIn(['metadata', 'annotations', 'alb.ingress.kubernetes.io/scheme'], 'internet-facing');
      ingress.save();
      return ingress;
    },
  },
  {
    defect: 'Kibana made public with its admin-ui label removed to hide it (dev)',
    policy: { id: 'ECO-TLS-010', package: 'ecolaura.https.admin_ui_internal' },
    apply: (tree) => {
      const ingress = tree.kubernetesObject('dev', 'Ingress', (o) => (o.metadata as Json).name === 'kibana');
      ingress.document.deleteIn(['metadata', 'labels', 'ecolaura.io/admin-ui']);
      ingress.document.setIn(['metadata', 'annotations', 'alb.ingress.kubernetes.io/scheme'], 'internet-facing');
      ingress.save();
      return ingress;
    },
  },
  {
    defect: 'a Service exposing plain HTTP through an internet-facing LoadBalancer (dev)',
    policy: { id: 'ECO-TLS-003', package: 'ecolaura.https.service_plain_http' },
    apply: (tree) => {
      const service = tree.kubernetesObject('dev', 'Service', (o) => (o.metadata as Json).name === 'frontend');
      service.document.setIn(['spec', 'type'], 'LoadBalancer');
      service.save();
      return service;
    },
  },
  {
    defect: 'a LoadBalancer Service on port 443 forwarding plain HTTP to the pods, no TLS termination (prod)',
    policy: { id: 'ECO-TLS-003', package: 'ecolaura.https.service_plain_http' },
    apply: (tree) => {
      const service = tree.kubernetesObject('prod', 'Service', (o) => (o.metadata as Json).name === 'backend');
      service.document.setIn(['spec', 'type'], 'LoadBalancer');
      service.document.setIn(['spec', 'ports'], [{ name: 'https', port: 443, targetPort: 8000, protocol: 'TCP' }]);
      service.save();
      return service;
    },
  },
  {
    defect: 'an Argo CD Application pulling from a plain-http repoURL (prod)',
    policy: { id: 'ECO-TLS-007', package: 'ecolaura.https.argocd_repo_transport' },
    apply: (tree) => {
      const application = tree.kubernetesObject('prod', 'Application', (o) => (o.metadata as Json).name === 'frontend');
      application.document.setIn(['spec', 'source', 'repoURL'], 'http://github.com/ecolaura/platform.git');
      application.save();
      return application;
    },
  },
  {
    defect: 'Elasticsearch HTTP TLS disabled (staging)',
    policy: { id: 'ECO-TLS-008', package: 'ecolaura.https.elastic_tls' },
    apply: (tree) => {
      const elasticsearch = tree.kubernetesObject('staging', 'Elasticsearch');
      elasticsearch.document.setIn(['spec', 'http'], { tls: { selfSignedCertificate: { disabled: true } } });
      elasticsearch.save();
      return elasticsearch;
    },
  },
  {
    defect: 'Kibana HTTP TLS disabled (prod)',
    policy: { id: 'ECO-TLS-008', package: 'ecolaura.https.elastic_tls' },
    apply: (tree) => {
      const kibana = tree.kubernetesObject('prod', 'Kibana');
      kibana.document.setIn(['spec', 'http'], { tls: { selfSignedCertificate: { disabled: true } } });
      kibana.save();
      return kibana;
    },
  },
  {
    defect: 'the backend database connection downgraded to PGSSLMODE=disable (prod)',
    policy: { id: 'ECO-TLS-009', package: 'ecolaura.https.database_connection_tls' },
    apply: (tree) => {
      const config = tree.kubernetesObject('prod', 'ConfigMap', (o) => (o.metadata as Json).name === 'backend-config');
      config.document.setIn(['data', 'PGSSLMODE'], 'disable');
      config.save();
      return config;
    },
  },
  {
    defect: 'the backend database connection back to PGSSLMODE=require, encrypted but not verifying the server (prod)',
    policy: { id: 'ECO-TLS-009', package: 'ecolaura.https.database_connection_tls' },
    apply: (tree) => {
      const config = tree.kubernetesObject('prod', 'ConfigMap', (o) => (o.metadata as Json).name === 'backend-config');
      config.document.setIn(['data', 'PGSSLMODE'], 'require');
      config.save();
      return config;
    },
  },
  {
    defect: 'a StorageClass with encryption turned off (dev)',
    policy: { id: 'ECO-ENC-012', package: 'ecolaura.encryption.storage_class' },
    apply: (tree) => {
      const storageClass = tree.kubernetesObject('dev', 'StorageClass');
      storageClass.document.setIn(['parameters', 'encrypted'], 'false');
      storageClass.save();
      return storageClass;
    },
  },
  {
    defect: 'a StorageClass falling back to the AWS-managed aws/ebs key: kmsKeyId removed (prod)',
    policy: { id: 'ECO-ENC-012', package: 'ecolaura.encryption.storage_class' },
    apply: (tree) => {
      const storageClass = tree.kubernetesObject('prod', 'StorageClass');
      storageClass.document.deleteIn(['parameters', 'kmsKeyId']);
      storageClass.save();
      return storageClass;
    },
  },
  {
    defect: 'a StorageClass whose volumes lose the GDPR retention tag (staging)',
    policy: { id: 'ECO-ENC-012', package: 'ecolaura.encryption.storage_class' },
    apply: (tree) => {
      const storageClass = tree.kubernetesObject('staging', 'StorageClass');
      const parameters = (storageClass.document.toJS() as { parameters: Record<string, string> }).parameters;
      const retention = Object.keys(parameters).find((key) =>
        parameters[key]?.startsWith('gdpr.ecolaura.io/retention-days='),
      );
      if (!retention) throw new Error('the staging StorageClass has no retention-days tag parameter to remove');
      storageClass.document.deleteIn(['parameters', retention]);
      storageClass.save();
      return storageClass;
    },
  },
  {
    defect: 'the ClusterSecretStore opened to every namespace: spec.conditions removed (prod)',
    policy: { id: 'ECO-ENC-015', package: 'ecolaura.encryption.cluster_secret_store_scope' },
    apply: (tree) => {
      const store = tree.kubernetesObject('prod', 'ClusterSecretStore');
      store.document.deleteIn(['spec', 'conditions']);
      store.save();
      return store;
    },
  },
  {
    defect: 'a Kubernetes Secret with literal data committed to Git (prod)',
    policy: { id: 'ECO-ENC-013', package: 'ecolaura.encryption.kubernetes_secret' },
    apply: (tree) =>
      tree.addManifest(
        'prod',
        'backend/Secret.backend-database.yaml',
        'apiVersion: v1\nkind: Secret\nmetadata:\n  name: backend-database\n  namespace: ecolaura\ntype: Opaque\nstringData:\n  password: hunter2\n',
        'Secret/ecolaura/backend-database',
      ),
  },
  {
    defect: 'a private network ACL without the load balancer target ports and the ephemeral return range (prod)',
    policy: { id: 'ECO-SUP-050', package: 'ecolaura.supporting.reachability_needed' },
    apply: (tree) => {
      const acl = tree.terraformResource('prod', 'aws_network_acl', (_body, name) => name.endsWith('private'));
      const rules = acl.config.resource as Record<string, Record<string, Json>>;
      const aclRules = rules.aws_network_acl_rule ?? {};
      const dropped = Object.keys(aclRules).filter((name) => {
        const rule = aclRules[name] as Json;
        const ports = `${rule.from_port}-${rule.to_port}`;
        return (
          String(rule.network_acl_id).includes(acl.resource) &&
          rule.egress === false &&
          ['8000-8000', '8080-8080', '32768-65535'].includes(ports)
        );
      });
      if (dropped.length === 0)
        throw new Error('the prod private ACL has no target-port or ephemeral ingress rule to remove');
      for (const name of dropped) delete aclRules[name];
      acl.save();
      return acl;
    },
  },
  {
    defect: 'the ecolaura default deny without the load balancer allowance (prod)',
    policy: { id: 'ECO-SUP-050', package: 'ecolaura.supporting.reachability_needed' },
    apply: (tree) => {
      const isNamed = (name: string) => (object: Json) => {
        const metadata = object.metadata as Json;
        return metadata.namespace === 'ecolaura' && metadata.name === name;
      };
      const allowance = tree.kubernetesObject('prod', 'NetworkPolicy', isNamed('allow-public-load-balancer'));
      unlinkSync(join(tree.root, allowance.file));
      // The workloads' own policies admit the load balancer's subnets too: take that away as well.
      for (const name of ['frontend', 'backend']) {
        const policy = tree.kubernetesObject('prod', 'NetworkPolicy', isNamed(name));
        const ingress = (policy.document.toJS() as { spec: { ingress: Json[] } }).spec.ingress;
        policy.document.setIn(
          ['spec', 'ingress'],
          ingress.filter((rule) => !(rule.from as Json[]).some((peer) => 'ipBlock' in peer)),
        );
        policy.save();
      }
      return tree.kubernetesObject('prod', 'NetworkPolicy', isNamed('default-deny'));
    },
  },
  {
    defect: 'the RDS security group admitting the whole VPC instead of the nodes (prod)',
    policy: { id: 'ECO-SUP-051', package: 'ecolaura.supporting.reachability_forbidden' },
    apply: (tree) => {
      const rule = tree.terraformResource(
        'prod',
        'aws_vpc_security_group_ingress_rule',
        (body) => body.to_port === 5432,
      );
      const vpc = Object.values((rule.config.resource as Record<string, Record<string, Json>>).aws_vpc ?? {})[0];
      if (!vpc) throw new Error('the prod stack has no aws_vpc whose CIDR the database rule could admit');
      delete rule.body.referenced_security_group_id;
      rule.body.cidr_ipv4 = vpc.cidr_block;
      rule.save();
      return rule;
    },
  },
  ...EVASION_MUTATIONS,
];
