# METADATA
# title: EFS, ElastiCache and OpenSearch encrypt data at rest
# description: >-
#   File systems, caches and search domains hold application data like a database does: aws_efs_file_system must set encrypted = true, aws_elasticache_replication_group at_rest_encryption_enabled = true, and aws_opensearch_domain / aws_elasticsearch_domain encrypt_at_rest.enabled = true. Missing or unknown values count as off.
# custom:
#   id: ECO-ENC-016
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - AWS FSBP EFS.1
#     - AWS FSBP ElastiCache.4
#     - AWS FSBP Opensearch.1
#   equivalents:
#     - Checkov CKV_AWS_42
#     - Checkov CKV_AWS_29
#     - Checkov CKV_AWS_5
#     - Trivy AVD-AWS-0037
#     - Trivy AVD-AWS-0045
#     - Trivy AVD-AWS-0048
#   remediation: >-
#     Turn encryption at rest on (encrypted, at_rest_encryption_enabled or encrypt_at_rest.enabled) with a customer-managed KMS key.
package ecolaura.encryption.data_services_at_rest

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make_at(rego.metadata.chain(), r, ["encrypted"], sprintf("encrypted is %s", [resources.show(r.values, "encrypted")])) if {
	some r in resources.terraform({"aws_efs_file_system"})
	not resources.truthy(object.get(r.values, "encrypted", null))
}

deny contains violation.make_at(rego.metadata.chain(), r, ["at_rest_encryption_enabled"], sprintf("at_rest_encryption_enabled is %s", [resources.show(r.values, "at_rest_encryption_enabled")])) if {
	some r in resources.terraform({"aws_elasticache_replication_group"})
	not resources.truthy(object.get(r.values, "at_rest_encryption_enabled", null))
}

deny contains violation.make_at(rego.metadata.chain(), r, ["encrypt_at_rest", 0, "enabled"], "encrypt_at_rest.enabled is not true") if {
	some r in resources.terraform({"aws_opensearch_domain", "aws_elasticsearch_domain"})
	not _block_on(r, "encrypt_at_rest")
}

_block_on(r, key) if {
	some block in resources.blocks(r, key)
	resources.truthy(object.get(block, "enabled", null))
}
