# METADATA
# title: RDS storage is encrypted with a customer-managed key
# description: >-
#   RDS instances and Aurora clusters must encrypt their storage with a KMS key the platform manages (kms_key_id set), so that key policy, rotation and deletion stay under our control.
# custom:
#   id: ECO-ENC-001
#   severity: critical
#   controls:
#     - GDPR Art. 32(1)(a)
#     - AWS FSBP RDS.3
#   equivalents:
#     - Checkov CKV_AWS_16
#     - Trivy AVD-AWS-0080
#   remediation: >-
#     Set storage_encrypted = true and kms_key_id to the ARN of the database's customer-managed aws_kms_key (encryption can only be chosen when the instance is created).
package ecolaura.encryption.rds_storage

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make_at(rego.metadata.chain(), r, ["storage_encrypted"], sprintf("storage_encrypted is %s", [resources.show(r.values, "storage_encrypted")])) if {
	some r in resources.terraform({"aws_db_instance", "aws_rds_cluster"})
	not resources.aurora_member(r)
	not resources.truthy(object.get(r.values, "storage_encrypted", null))
}

deny contains violation.make_at(rego.metadata.chain(), r, ["kms_key_id"], "kms_key_id is not set, so the storage uses the AWS-managed key") if {
	some r in resources.terraform({"aws_db_instance", "aws_rds_cluster"})
	not resources.aurora_member(r)
	not resources.set_or_planned(r, r.values, "kms_key_id", resources.kms_key_types)
}
