package ecolaura.supporting.rds_iam_auth_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.rds_iam_auth

test_iam_auth_on_is_allowed if {
	count(rds_iam_auth.deny) == 0 with input as t.doc([t.tf("aws_db_instance", "db", {"iam_database_authentication_enabled": true})])
}

test_iam_auth_off_is_denied if {
	some v in rds_iam_auth.deny with input as t.doc([t.tf("aws_db_instance", "db", {"iam_database_authentication_enabled": false})])
	[v.policy, v.resource] == ["ECO-SUP-008", "aws_db_instance.db"]
	contains(v.message, "iam_database_authentication_enabled is false")
}

test_iam_auth_left_out_on_a_cluster_is_denied if {
	t.found(rds_iam_auth.deny) == {["ECO-SUP-008", "aws_rds_cluster.main"]} with input as t.doc([t.tf("aws_rds_cluster", "main", {})])
}
