package ecolaura.supporting.prod_deletion_protection_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.prod_deletion_protection

test_protected_prod_database_is_allowed if {
	count(prod_deletion_protection.deny) == 0 with input as t.doc([t.tf("aws_db_instance", "db", {"deletion_protection": true, "skip_final_snapshot": false})])
}

test_unprotected_prod_database_is_denied if {
	some v in prod_deletion_protection.deny with input as t.doc([t.tf("aws_db_instance", "db", {"deletion_protection": false})])
	[v.policy, v.resource, v.environment] == ["ECO-SUP-003", "aws_db_instance.db", "prod"]
}

test_skipped_final_snapshot_is_denied if {
	t.found(prod_deletion_protection.deny) == {["ECO-SUP-003", "aws_db_instance.db"]} with input as t.doc([t.tf("aws_db_instance", "db", {"deletion_protection": true, "skip_final_snapshot": true})])
}

test_dev_database_is_exempt if {
	count(prod_deletion_protection.deny) == 0 with input as t.doc([t.tf_in("aws_db_instance", "db", {"deletion_protection": false, "skip_final_snapshot": true}, "dev", "eu-west-1")])
}

test_unknown_environment_counts_as_prod if {
	t.found(prod_deletion_protection.deny) == {["ECO-SUP-003", "aws_db_instance.db"]} with input as t.doc([t.tf_in("aws_db_instance", "db", {}, null, "eu-west-1")])
}
