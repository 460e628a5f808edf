# METADATA
# title: S3 buckets use KMS server-side encryption
# description: >-
#   Every S3 bucket must default to SSE-KMS (aws:kms or aws:kms:dsse), configured inline or through an aws_s3_bucket_server_side_encryption_configuration of the same stack.
# custom:
#   id: ECO-ENC-007
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - AWS FSBP S3.17
#   equivalents:
#     - Checkov CKV_AWS_145
#     - Trivy AVD-AWS-0132
#   remediation: >-
#     Add an aws_s3_bucket_server_side_encryption_configuration for the bucket with apply_server_side_encryption_by_default { sse_algorithm = "aws:kms", kms_master_key_id = <key ARN> }.
package ecolaura.encryption.s3_kms

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_kms_algorithms := {"aws:kms", "aws:kms:dsse"}

deny contains violation.make(rego.metadata.chain(), r, "no server-side encryption configuration with aws:kms applies to this bucket") if {
	some r in resources.terraform({"aws_s3_bucket"})
	not _inline_kms(r)
	not _separate_kms(r)
}

deny contains violation.make(rego.metadata.chain(), r, "sse_algorithm is not aws:kms or aws:kms:dsse") if {
	some r in resources.terraform({"aws_s3_bucket_server_side_encryption_configuration"})
	not _kms_rules(r.values)
}

_kms_rules(values) if {
	rules := resources.as_list(object.get(values, "rule", []))
	count(rules) > 0
	every rule in rules {
		some setting in resources.as_list(object.get(rule, "apply_server_side_encryption_by_default", []))
		setting.sse_algorithm in _kms_algorithms
	}
}

_inline_kms(r) if {
	some config in resources.blocks(r, "server_side_encryption_configuration")
	_kms_rules(config)
}

_separate_kms(r) if {
	some config in resources.linked_back(r, resources.terraform({"aws_s3_bucket_server_side_encryption_configuration"}), "bucket", "bucket")
	_kms_rules(config.values)
}
