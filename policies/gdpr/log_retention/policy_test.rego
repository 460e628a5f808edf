package ecolaura.gdpr.log_retention_test

import data.ecolaura.gdpr.log_retention
import data.ecolaura.lib.testing_test as t

_group(values) := t.tf("aws_cloudwatch_log_group", "app", values)

test_retention_within_label_is_allowed if {
	count(log_retention.deny) == 0 with input as t.doc([_group({"retention_in_days": 90, "tags": {"gdpr.ecolaura.io/retention-days": "90"}})])
}

test_missing_retention_is_denied if {
	t.found(log_retention.deny) == {["ECO-GDPR-006", "aws_cloudwatch_log_group.app"]} with input as t.doc([_group({"name": "/shop/app"})])
}

test_zero_retention_is_denied if {
	t.found(log_retention.deny) == {["ECO-GDPR-006", "aws_cloudwatch_log_group.app"]} with input as t.doc([_group({"retention_in_days": 0})])
}

test_retention_beyond_label_is_denied if {
	some v in log_retention.deny with input as t.doc([_group({"retention_in_days": 365, "tags": {"gdpr.ecolaura.io/retention-days": "90"}})])
	[v.policy, v.resource] == ["ECO-GDPR-006", "aws_cloudwatch_log_group.app"]
	contains(v.message, "retention_in_days 365 exceeds the retention label of 90 days")
}
