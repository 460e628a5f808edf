package ecolaura.gdpr.eu_region_test

import data.ecolaura.gdpr.eu_region
import data.ecolaura.lib.testing_test as t

test_database_in_ireland_is_allowed if {
	count(eu_region.deny) == 0 with input as t.doc([t.tf_in("aws_db_instance", "db", {"engine": "postgres"}, "prod", "eu-west-1")])
}

test_database_in_virginia_is_denied if {
	some v in eu_region.deny with input as t.doc([t.tf_in("aws_db_instance", "db", {"engine": "postgres"}, "prod", "us-east-1")])
	[v.policy, v.resource] == ["ECO-GDPR-005", "aws_db_instance.db"]
	contains(v.message, "region is \"us-east-1\", outside the EU")
}

test_london_is_not_the_eu if {
	t.found(eu_region.deny) == {["ECO-GDPR-005", "aws_s3_bucket.assets"]} with input as t.doc([t.tf_in("aws_s3_bucket", "assets", {}, "prod", "eu-west-2")])
}

test_unknown_region_is_denied if {
	t.found(eu_region.deny) == {["ECO-GDPR-005", "aws_backup_vault.vault"]} with input as t.doc([t.tf_in("aws_backup_vault", "vault", {}, "prod", null)])
}

test_personal_data_tag_brings_any_resource_in_scope if {
	queue := t.tf_in("aws_mq_broker", "events", {"tags": {"gdpr.ecolaura.io/personal-data": "true"}}, "prod", "us-west-2")
	t.found(eu_region.deny) == {["ECO-GDPR-005", "aws_mq_broker.events"]} with input as t.doc([queue])
}

test_network_resources_anywhere_are_out_of_scope if {
	count(eu_region.deny) == 0 with input as t.doc([t.tf_in("aws_vpc", "main", {}, "prod", "us-east-1")])
}
