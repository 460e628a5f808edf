package ecolaura.encryption.database_password_test

import data.ecolaura.encryption.database_password
import data.ecolaura.lib.testing_test as t

test_managed_master_password_is_allowed if {
	count(database_password.deny) == 0 with input as t.doc([t.tf("aws_db_instance", "db", {"username": "admin", "manage_master_user_password": true})])
}

test_literal_master_password_is_denied if {
	some v in database_password.deny with input as t.doc([t.tf("aws_db_instance", "db", {"username": "admin", "password": "hunter22"})])
	[v.policy, v.resource] == ["ECO-ENC-014", "aws_db_instance.db"]
	contains(v.message, "password is set in the configuration")
}

test_secret_version_with_password_is_denied if {
	version := t.tf("aws_secretsmanager_secret_version", "db", {"secret_id": "${aws_secretsmanager_secret.db.id}", "secret_string": "{\"username\":\"admin\",\"password\":\"hunter22\"}"})
	t.found(database_password.deny) == {["ECO-ENC-014", "aws_secretsmanager_secret_version.db"]} with input as t.doc([version])
}

test_secret_version_without_password_is_allowed if {
	version := t.tf("aws_secretsmanager_secret_version", "db", {"secret_string": "{\"host\":\"${aws_db_instance.db.address}\",\"username\":\"admin\"}"})
	count(database_password.deny) == 0 with input as t.doc([version])
}

test_literal_password_env_is_denied if {
	deployment := t.k8s({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "api", "namespace": "shop"}, "spec": {"template": {"spec": {"containers": [{"name": "api", "env": [{"name": "PGPASSWORD", "value": "hunter22"}]}]}}}})
	t.found(database_password.deny) == {["ECO-ENC-014", "Deployment/shop/api"]} with input as t.doc([deployment])
}

test_password_from_secret_is_allowed if {
	deployment := t.k8s({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "api", "namespace": "shop"}, "spec": {"template": {"spec": {"containers": [{"name": "api", "env": [{"name": "PGPASSWORD", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}}]}]}}}})
	count(database_password.deny) == 0 with input as t.doc([deployment])
}

test_password_in_config_map_is_denied if {
	config := t.k8s({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cfg", "namespace": "shop"}, "data": {"DB_PASSWORD": "hunter22"}})
	t.found(database_password.deny) == {["ECO-ENC-014", "ConfigMap/shop/cfg"]} with input as t.doc([config])
}
