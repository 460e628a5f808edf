package ecolaura.https.rds_force_ssl_test

import data.ecolaura.https.rds_force_ssl
import data.ecolaura.lib.testing_test as t

_db(values) := t.tf("aws_db_instance", "db", object.union({"engine": "postgres"}, values))

_pg(force) := t.tf("aws_db_parameter_group", "pg", {
	"name": "shop-postgres",
	"family": "postgres16",
	"parameter": [{"name": "log_connections", "value": "1"}, {"name": "rds.force_ssl", "value": force}],
})

test_referenced_group_forcing_tls_is_allowed if {
	count(rds_force_ssl.deny) == 0 with input as t.doc([_db({"parameter_group_name": "${aws_db_parameter_group.pg.name}"}), _pg("1")])
}

test_group_named_by_plan_value_is_allowed if {
	count(rds_force_ssl.deny) == 0 with input as t.doc([_db({"parameter_group_name": "shop-postgres"}), _pg("1")])
}

test_group_not_forcing_tls_is_denied if {
	some v in rds_force_ssl.deny with input as t.doc([_db({"parameter_group_name": "${aws_db_parameter_group.pg.name}"}), _pg("0")])
	[v.policy, v.resource] == ["ECO-TLS-004", "aws_db_instance.db"]
	contains(v.message, "aws_db_parameter_group.pg does not set rds.force_ssl = 1")
}

test_instance_without_parameter_group_is_denied if {
	t.found(rds_force_ssl.deny) == {["ECO-TLS-004", "aws_db_instance.db"]} with input as t.doc([_db({}), _pg("1")])
}

test_aurora_cluster_group_is_checked if {
	t.found(rds_force_ssl.deny) == {["ECO-TLS-004", "aws_rds_cluster.main"]} with input as t.doc([t.tf("aws_rds_cluster", "main", {"engine": "aurora-postgresql"})])
}
