package ecolaura.encryption.s3_kms_test

import data.ecolaura.encryption.s3_kms
import data.ecolaura.lib.testing_test as t

_bucket := t.tf("aws_s3_bucket", "assets", {"bucket": "shop-assets"})

_sse(algorithm) := t.tf("aws_s3_bucket_server_side_encryption_configuration", "assets", {
	"bucket": "${aws_s3_bucket.assets.id}",
	"rule": [{"apply_server_side_encryption_by_default": {"sse_algorithm": algorithm, "kms_master_key_id": "${aws_kms_key.s3.arn}"}}],
})

test_bucket_with_kms_configuration_is_allowed if {
	count(s3_kms.deny) == 0 with input as t.doc([_bucket, _sse("aws:kms")])
}

test_bucket_without_configuration_is_denied if {
	t.found(s3_kms.deny) == {["ECO-ENC-007", "aws_s3_bucket.assets"]} with input as t.doc([_bucket])
}

test_sse_s3_configuration_is_denied if {
	t.found(s3_kms.deny) == {
		["ECO-ENC-007", "aws_s3_bucket.assets"],
		["ECO-ENC-007", "aws_s3_bucket_server_side_encryption_configuration.assets"],
	} with input as t.doc([_bucket, _sse("AES256")])
}

test_configuration_named_by_plan_value_is_allowed if {
	sse := t.tf("aws_s3_bucket_server_side_encryption_configuration", "assets", {"bucket": "shop-assets", "rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}]})
	count(s3_kms.deny) == 0 with input as t.doc([_bucket, sse])
}
