package ecolaura.encryption.rds_performance_insights_test

import data.ecolaura.encryption.rds_performance_insights
import data.ecolaura.lib.testing_test as t

test_insights_with_key_is_allowed if {
	count(rds_performance_insights.deny) == 0 with input as t.doc([t.tf("aws_db_instance", "db", {"performance_insights_enabled": true, "performance_insights_kms_key_id": "${aws_kms_key.db.arn}"})])
}

test_insights_off_is_allowed if {
	count(rds_performance_insights.deny) == 0 with input as t.doc([t.tf("aws_db_instance", "db", {"performance_insights_enabled": false})])
}

test_insights_without_key_is_denied if {
	t.found(rds_performance_insights.deny) == {["ECO-ENC-002", "aws_db_instance.db"]} with input as t.doc([t.tf("aws_db_instance", "db", {"performance_insights_enabled": true})])
}

test_aurora_cluster_instance_insights_without_key_is_denied if {
	t.found(rds_performance_insights.deny) == {["ECO-ENC-002", "aws_rds_cluster_instance.writer"]} with input as t.doc([t.tf("aws_rds_cluster_instance", "writer", {"performance_insights_enabled": true})])
}

test_insights_key_from_null_is_denied if {
	t.found(rds_performance_insights.deny) == {["ECO-ENC-002", "aws_db_instance.db"]} with input as t.doc([t.tf("aws_db_instance", "db", {"performance_insights_enabled": true, "performance_insights_kms_key_id": {"$unknown": "null"}, "kms_key_id": "${aws_kms_key.db.arn}"})])
}
