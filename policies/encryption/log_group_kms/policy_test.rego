package ecolaura.encryption.log_group_kms_test

import data.ecolaura.encryption.log_group_kms
import data.ecolaura.lib.testing_test as t

test_log_group_with_key_is_allowed if {
	count(log_group_kms.deny) == 0 with input as t.doc([t.tf("aws_cloudwatch_log_group", "app", {"kms_key_id": "${aws_kms_key.logs.arn}"})])
}

test_log_group_without_key_is_denied if {
	t.found(log_group_kms.deny) == {["ECO-ENC-005", "aws_cloudwatch_log_group.app"]} with input as t.doc([t.tf("aws_cloudwatch_log_group", "app", {"retention_in_days": 30})])
}

test_empty_key_is_denied if {
	t.found(log_group_kms.deny) == {["ECO-ENC-005", "aws_cloudwatch_log_group.app"]} with input as t.doc([t.tf("aws_cloudwatch_log_group", "app", {"kms_key_id": ""})])
}

test_plan_key_unknown_until_apply_is_allowed if {
	group := object.union(t.tf("aws_cloudwatch_log_group", "app", {"retention_in_days": 30}), {"source": "terraform-plan", "references": ["aws_kms_key.logs"], "attributeReferences": {"kms_key_id": ["aws_kms_key.logs"]}})
	count(log_group_kms.deny) == 0 with input as t.doc([group])
}

test_plan_without_key_reference_is_denied if {
	group := object.union(t.tf("aws_cloudwatch_log_group", "app", {"retention_in_days": 30}), {"source": "terraform-plan", "references": [], "attributeReferences": {}})
	t.found(log_group_kms.deny) == {["ECO-ENC-005", "aws_cloudwatch_log_group.app"]} with input as t.doc([group])
}

test_plan_key_named_only_by_another_attribute_is_denied if {
	# The key reference sits in a tag, not in kms_key_id: before, any reference of the resource counted.
	group := object.union(t.tf("aws_cloudwatch_log_group", "app", {"retention_in_days": 30}), {"source": "terraform-plan", "references": ["aws_kms_key.logs"], "attributeReferences": {"tags": ["aws_kms_key.logs"]}})
	t.found(log_group_kms.deny) == {["ECO-ENC-005", "aws_cloudwatch_log_group.app"]} with input as t.doc([group])
}

test_unknown_key_from_a_variable_is_denied if {
	t.found(log_group_kms.deny) == {["ECO-ENC-005", "aws_cloudwatch_log_group.app"]} with input as t.doc([t.tf("aws_cloudwatch_log_group", "app", {"kms_key_id": {"$unknown": "var.key"}})])
}

test_config_reference_to_a_non_key_resource_is_denied if {
	t.found(log_group_kms.deny) == {["ECO-ENC-005", "aws_cloudwatch_log_group.app"]} with input as t.doc([t.tf("aws_cloudwatch_log_group", "app", {"kms_key_id": "${aws_s3_bucket.logs.arn}"})])
}

test_alias_reference_is_judged_alike_in_config_and_plan if {
	config := t.tf("aws_cloudwatch_log_group", "app", {"kms_key_id": "${aws_kms_alias.logs.arn}"})
	count(log_group_kms.deny) == 0 with input as t.doc([config])
	plan := object.union(t.tf("aws_cloudwatch_log_group", "app", {"retention_in_days": 30}), {"source": "terraform-plan", "references": ["aws_kms_alias.logs"], "attributeReferences": {"kms_key_id": ["aws_kms_alias.logs"]}})
	count(log_group_kms.deny) == 0 with input as t.doc([plan])
}

test_literal_alias_arn_is_allowed if {
	count(log_group_kms.deny) == 0 with input as t.doc([t.tf("aws_cloudwatch_log_group", "app", {"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:alias/logs"})])
}
