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
	group := object.union(t.tf("aws_cloudwatch_log_group", "app", {"retention_in_days": 30}), {"source": "terraform-plan", "references": ["aws_kms_key.logs"]})
	count(log_group_kms.deny) == 0 with input as t.doc([group])
}

test_plan_without_key_reference_is_denied if {
	group := object.union(t.tf("aws_cloudwatch_log_group", "app", {"retention_in_days": 30}), {"source": "terraform-plan", "references": []})
	t.found(log_group_kms.deny) == {["ECO-ENC-005", "aws_cloudwatch_log_group.app"]} with input as t.doc([group])
}
