package ecolaura.supporting.rds_backup_retention_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.rds_backup_retention

test_thirty_days_is_allowed if {
	count(rds_backup_retention.deny) == 0 with input as t.doc([t.tf("aws_db_instance", "db", {"backup_retention_period": 30})])
}

test_one_day_is_denied if {
	some v in rds_backup_retention.deny with input as t.doc([t.tf("aws_db_instance", "db", {"backup_retention_period": 1})])
	[v.policy, v.resource] == ["ECO-SUP-007", "aws_db_instance.db"]
	contains(v.message, "backup_retention_period is 1, below 7 days")
}

test_missing_retention_on_a_cluster_is_denied if {
	t.found(rds_backup_retention.deny) == {["ECO-SUP-007", "aws_rds_cluster.main"]} with input as t.doc([t.tf("aws_rds_cluster", "main", {"engine": "aurora-postgresql"})])
}

test_retention_from_a_variable_is_denied if {
	t.found(rds_backup_retention.deny) == {["ECO-SUP-007", "aws_db_instance.db"]} with input as t.doc([t.tf("aws_db_instance", "db", {"backup_retention_period": {"$unknown": "var.days"}})])
}

test_aurora_member_is_judged_through_its_cluster if {
	count(rds_backup_retention.deny) == 0 with input as t.doc([t.tf("aws_db_instance", "member", {"cluster_identifier": "${aws_rds_cluster.main.id}"})])
}
