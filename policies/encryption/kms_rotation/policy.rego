# METADATA
# title: KMS keys rotate automatically
# description: >-
#   Customer-managed symmetric KMS keys must have automatic rotation on, so a leaked key version stops protecting new data within a year.
# custom:
#   id: ECO-ENC-004
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - AWS FSBP KMS.4
#   equivalents:
#     - Checkov CKV_AWS_7
#     - Trivy AVD-AWS-0065
#   remediation: >-
#     Set enable_key_rotation = true on the aws_kms_key.
package ecolaura.encryption.kms_rotation

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make_at(rego.metadata.chain(), r, ["enable_key_rotation"], sprintf("enable_key_rotation is %s", [resources.show(r.values, "enable_key_rotation")])) if {
	some r in resources.terraform({"aws_kms_key"})
	object.get(r.values, "customer_master_key_spec", "SYMMETRIC_DEFAULT") == "SYMMETRIC_DEFAULT"
	not resources.truthy(object.get(r.values, "enable_key_rotation", null))
}
