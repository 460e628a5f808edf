# METADATA
# title: Performance Insights data is encrypted with a customer-managed key
# description: >-
#   When Performance Insights is on, it stores query texts that can hold personal data; it must be encrypted with a customer-managed KMS key.
# custom:
#   id: ECO-ENC-002
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - AWS FSBP RDS.3
#   equivalents:
#     - Trivy AVD-AWS-0078
#   remediation: >-
#     Set performance_insights_kms_key_id to the database's customer-managed key ARN, or turn Performance Insights off.
package ecolaura.encryption.rds_performance_insights

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make_at(rego.metadata.chain(), r, ["performance_insights_kms_key_id"], "performance_insights_enabled is true but performance_insights_kms_key_id is not set") if {
	some r in resources.terraform({"aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance"})
	resources.truthy(object.get(r.values, "performance_insights_enabled", false))
	not resources.set_or_planned(r, r.values, "performance_insights_kms_key_id", resources.kms_key_types)
}
