package ecolaura.encryption.rds_storage_test

import data.ecolaura.encryption.rds_storage
import data.ecolaura.lib.testing_test as t

test_encrypted_with_customer_key_is_allowed if {
	count(rds_storage.deny) == 0 with input as t.doc([t.tf("aws_db_instance", "db", {"storage_encrypted": true, "kms_key_id": "${aws_kms_key.db.arn}"})])
}

test_unencrypted_instance_is_denied if {
	some v in rds_storage.deny with input as t.doc([t.tf("aws_db_instance", "db", {"storage_encrypted": false, "kms_key_id": "${aws_kms_key.db.arn}"})])
	[v.policy, v.resource] == ["ECO-ENC-001", "aws_db_instance.db"]
	contains(v.message, "storage_encrypted is false")
	v.path == ["storage_encrypted"]
}

test_missing_customer_key_points_at_kms_key_id if {
	some v in rds_storage.deny with input as t.doc([t.tf("aws_db_instance", "db", {"storage_encrypted": true})])
	v.path == ["kms_key_id"]
}

test_missing_encryption_flag_is_denied if {
	t.found(rds_storage.deny) == {["ECO-ENC-001", "aws_db_instance.db"]} with input as t.doc([t.tf("aws_db_instance", "db", {"kms_key_id": "${aws_kms_key.db.arn}"})])
}

test_aws_managed_key_is_denied if {
	t.found(rds_storage.deny) == {["ECO-ENC-001", "aws_rds_cluster.main"]} with input as t.doc([t.tf("aws_rds_cluster", "main", {"storage_encrypted": "true"})])
}
