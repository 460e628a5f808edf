package ecolaura.supporting.prod_multi_az_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.prod_multi_az

test_multi_az_prod_database_is_allowed if {
	count(prod_multi_az.deny) == 0 with input as t.doc([t.tf("aws_db_instance", "db", {"multi_az": true})])
}

test_single_az_prod_database_is_denied if {
	t.found(prod_multi_az.deny) == {["ECO-SUP-004", "aws_db_instance.db"]} with input as t.doc([t.tf("aws_db_instance", "db", {"multi_az": false})])
}

test_staging_single_az_is_allowed if {
	count(prod_multi_az.deny) == 0 with input as t.doc([t.tf_in("aws_db_instance", "db", {"multi_az": false}, "staging", "eu-west-1")])
}
