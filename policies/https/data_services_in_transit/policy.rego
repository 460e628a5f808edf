# METADATA
# title: ElastiCache, OpenSearch and EFS encrypt data in transit
# description: >-
#   aws_elasticache_replication_group must set transit_encryption_enabled = true; aws_opensearch_domain and aws_elasticsearch_domain must turn node_to_node_encryption on and domain_endpoint_options.enforce_https on with a TLS 1.2+ tls_security_policy; every aws_efs_file_system must have a file system policy that denies requests without aws:SecureTransport.
# custom:
#   id: ECO-TLS-011
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - AWS FSBP ElastiCache.5
#     - AWS FSBP Opensearch.3
#     - AWS FSBP Opensearch.8
#   equivalents:
#     - Checkov CKV_AWS_30
#     - Checkov CKV_AWS_6
#     - Checkov CKV_AWS_83
#     - Trivy AVD-AWS-0051
#     - Trivy AVD-AWS-0043
#     - Trivy AVD-AWS-0046
#     - Trivy AVD-AWS-0126
#   remediation: >-
#     Set transit_encryption_enabled; enable node_to_node_encryption and enforce_https with tls_security_policy Policy-Min-TLS-1-2-2019-07 or newer; attach an EFS file system policy that denies aws:SecureTransport false.
package ecolaura.https.data_services_in_transit

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_domains := {"aws_opensearch_domain", "aws_elasticsearch_domain"}

deny contains violation.make_at(rego.metadata.chain(), r, ["transit_encryption_enabled"], sprintf("transit_encryption_enabled is %s", [resources.show(r.values, "transit_encryption_enabled")])) if {
	some r in resources.terraform({"aws_elasticache_replication_group"})
	not resources.truthy(object.get(r.values, "transit_encryption_enabled", null))
}

deny contains violation.make_at(rego.metadata.chain(), r, ["node_to_node_encryption", 0, "enabled"], "node_to_node_encryption.enabled is not true") if {
	some r in resources.terraform(_domains)
	not _block_field_true(r, "node_to_node_encryption", "enabled")
}

deny contains violation.make_at(rego.metadata.chain(), r, ["domain_endpoint_options", 0, "enforce_https"], "domain_endpoint_options.enforce_https is not true") if {
	some r in resources.terraform(_domains)
	not _block_field_true(r, "domain_endpoint_options", "enforce_https")
}

deny contains violation.make_at(rego.metadata.chain(), r, ["domain_endpoint_options", 0, "tls_security_policy"], "domain_endpoint_options.tls_security_policy is not a TLS 1.2+ policy") if {
	some r in resources.terraform(_domains)
	not _modern_tls(r)
}

deny contains violation.make(rego.metadata.chain(), r, "no aws_efs_file_system_policy denies requests without aws:SecureTransport") if {
	some r in resources.terraform({"aws_efs_file_system"})
	not _efs_requires_tls(r)
}

_block_field_true(r, key, field) if {
	some block in resources.blocks(r, key)
	resources.truthy(object.get(block, field, null))
}

# https://docs.aws.amazon.com/opensearch-service/latest/APIReference/API_DomainEndpointOptions.html
_modern_tls(r) if {
	some block in resources.blocks(r, "domain_endpoint_options")
	startswith(resources.value(block, "tls_security_policy", ""), "Policy-Min-TLS-1-2-")
}

_efs_requires_tls(fs) if {
	some policy in resources.linked_back(fs, resources.terraform({"aws_efs_file_system_policy"}), "file_system_id", "id")
	contains(json.marshal(object.get(policy.values, "policy", "")), "aws:SecureTransport")
}
