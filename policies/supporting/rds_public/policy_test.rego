package ecolaura.supporting.rds_public_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.rds_public

test_private_instance_is_allowed if {
	count(rds_public.deny) == 0 with input as t.doc([t.tf("aws_db_instance", "db", {"publicly_accessible": false})])
}

test_public_instance_is_denied if {
	some v in rds_public.deny with input as t.doc([t.tf("aws_db_instance", "db", {"publicly_accessible": true})])
	[v.policy, v.resource] == ["ECO-SUP-001", "aws_db_instance.db"]
	contains(v.message, "publicly_accessible is true")
}

test_unset_flag_is_denied if {
	t.found(rds_public.deny) == {["ECO-SUP-001", "aws_db_instance.db"]} with input as t.doc([t.tf("aws_db_instance", "db", {"engine": "postgres"})])
}

test_public_aurora_cluster_instance_is_denied if {
	# Before, only aws_db_instance was checked: an Aurora instance went public unseen.
	t.found(rds_public.deny) == {["ECO-SUP-001", "aws_rds_cluster_instance.writer"]} with input as t.doc([t.tf("aws_rds_cluster_instance", "writer", {"cluster_identifier": "${aws_rds_cluster.main.id}", "publicly_accessible": true})])
}

test_publicly_accessible_from_a_variable_is_denied if {
	t.found(rds_public.deny) == {["ECO-SUP-001", "aws_db_instance.db"]} with input as t.doc([t.tf("aws_db_instance", "db", {"publicly_accessible": {"$unknown": "var.public"}})])
}
