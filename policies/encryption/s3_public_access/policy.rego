# METADATA
# title: S3 buckets block public access
# description: >-
#   Every S3 bucket must have an aws_s3_bucket_public_access_block with all four switches on (block_public_acls, block_public_policy, ignore_public_acls, restrict_public_buckets).
# custom:
#   id: ECO-ENC-008
#   severity: critical
#   controls:
#     - GDPR Art. 32(1)(b)
#     - GDPR Art. 25(2)
#     - AWS FSBP S3.8
#   equivalents:
#     - Checkov CKV2_AWS_6
#     - Trivy AVD-AWS-0086
#     - Trivy AVD-AWS-0087
#     - Trivy AVD-AWS-0091
#     - Trivy AVD-AWS-0093
#   remediation: >-
#     Add an aws_s3_bucket_public_access_block for the bucket with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets all true.
package ecolaura.encryption.s3_public_access

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_switches := ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"]

deny contains violation.make(rego.metadata.chain(), r, "no aws_s3_bucket_public_access_block applies to this bucket") if {
	some r in resources.terraform({"aws_s3_bucket"})
	count(_blocks_of(r)) == 0
}

deny contains violation.make_at(rego.metadata.chain(), r, [switch], sprintf("%s is %s", [switch, resources.show(r.values, switch)])) if {
	some r in resources.terraform({"aws_s3_bucket_public_access_block"})
	some switch in _switches
	not resources.truthy(object.get(r.values, switch, null))
}

_blocks_of(bucket) := resources.linked_back(bucket, resources.terraform({"aws_s3_bucket_public_access_block"}), "bucket", "bucket")
