# METADATA
# title: CloudWatch log groups are encrypted with a KMS key
# description: >-
#   Log groups hold IP addresses and user ids; they must be encrypted with a customer-managed KMS key.
# custom:
#   id: ECO-ENC-005
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#   equivalents:
#     - Checkov CKV_AWS_158
#     - Trivy AVD-AWS-0017
#   remediation: >-
#     Set kms_key_id on the aws_cloudwatch_log_group to the logs key ARN (its key policy must allow logs.<region>.amazonaws.com).
package ecolaura.encryption.log_group_kms

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make_at(rego.metadata.chain(), r, ["kms_key_id"], "kms_key_id is not set") if {
	some r in resources.terraform({"aws_cloudwatch_log_group"})
	not resources.set_or_planned(r, r.values, "kms_key_id", resources.kms_key_types)
}
