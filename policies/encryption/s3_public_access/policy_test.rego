package ecolaura.encryption.s3_public_access_test

import data.ecolaura.encryption.s3_public_access
import data.ecolaura.lib.testing_test as t

_bucket := t.tf("aws_s3_bucket", "assets", {"bucket": "shop-assets"})

_block(policy) := t.tf("aws_s3_bucket_public_access_block", "assets", {
	"bucket": "${aws_s3_bucket.assets.id}",
	"block_public_acls": true, "block_public_policy": policy,
	"ignore_public_acls": true, "restrict_public_buckets": true,
})

test_fully_blocked_bucket_is_allowed if {
	count(s3_public_access.deny) == 0 with input as t.doc([_bucket, _block(true)])
}

test_bucket_without_block_is_denied if {
	t.found(s3_public_access.deny) == {["ECO-ENC-008", "aws_s3_bucket.assets"]} with input as t.doc([_bucket])
}

test_block_with_a_switch_off_is_denied if {
	some v in s3_public_access.deny with input as t.doc([_bucket, _block(false)])
	[v.policy, v.resource] == ["ECO-ENC-008", "aws_s3_bucket_public_access_block.assets"]
	contains(v.message, "block_public_policy is false")
}
