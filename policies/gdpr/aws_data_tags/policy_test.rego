package ecolaura.gdpr.aws_data_tags_test

import data.ecolaura.gdpr.aws_data_tags
import data.ecolaura.lib.testing_test as t

test_tagged_log_group_is_allowed if {
	count(aws_data_tags.deny) == 0 with input as t.doc([t.tf("aws_cloudwatch_log_group", "app", {"tags": {"gdpr.ecolaura.io/personal-data": "false", "gdpr.ecolaura.io/data-classification": "internal"}})])
}

test_untagged_bucket_is_denied if {
	some v in aws_data_tags.deny with input as t.doc([t.tf("aws_s3_bucket", "assets", {"bucket": "shop-assets", "tags": {"gdpr.ecolaura.io/personal-data": "false"}})])
	[v.policy, v.resource] == ["ECO-GDPR-004", "aws_s3_bucket.assets"]
	contains(v.message, "tags lack gdpr.ecolaura.io/data-classification")
}

test_non_storing_resource_is_out_of_scope if {
	count(aws_data_tags.deny) == 0 with input as t.doc([t.tf("aws_vpc", "main", {"cidr_block": "10.0.0.0/16"})])
}
