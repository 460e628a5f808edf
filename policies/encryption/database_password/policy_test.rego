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

test_hyphenated_password_key_in_a_config_map_is_denied if {
	# Before, only underscores were recognised: db-password slipped through.
	cm := t.k8s({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "app", "namespace": "shop"}, "data": {"db-password": "hunter22"}})
	some v in database_password.deny with input as t.doc([cm])
	[v.policy, v.resource] == ["ECO-ENC-014", "ConfigMap/shop/app"]
	contains(v.message, "data.db-password holds a literal password")
}

test_password_in_config_map_binary_data_is_denied if {
	cm := t.k8s({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "app", "namespace": "shop"}, "binaryData": {"database.pass": "aHVudGVyMjI="}})
	some v in database_password.deny with input as t.doc([cm])
	contains(v.message, "binaryData.database.pass holds a literal password")
}

test_dotted_password_env_is_denied if {
	pod := t.k8s({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"containers": [{"name": "web", "image": "web:1", "env": [{"name": "spring.datasource.password", "value": "hunter22"}]}]}})
	t.found(database_password.deny) == {["ECO-ENC-014", "Pod/shop/web"]} with input as t.doc([pod])
}

test_secure_string_parameter_with_a_literal_value_is_denied if {
	param := t.tf("aws_ssm_parameter", "db", {"name": "/shop/prod/database", "type": "SecureString", "value": "hunter22"})
	some v in database_password.deny with input as t.doc([param])
	[v.policy, v.resource] == ["ECO-ENC-014", "aws_ssm_parameter.db"]
	contains(v.message, "value holds a literal secret")
}

test_string_parameter_named_like_a_token_is_denied if {
	param := t.tf("aws_ssm_parameter", "api", {"name": "/shop/prod/api-token", "type": "String", "insecure_value": "abc123"})
	t.found(database_password.deny) == {["ECO-ENC-014", "aws_ssm_parameter.api"]} with input as t.doc([param])
}

test_parameter_holding_a_reference_or_plain_setting_is_allowed if {
	ref := t.tf("aws_ssm_parameter", "db", {"name": "/shop/prod/db-password", "type": "SecureString", "value": "${random_password.db.result}"})
	plain := t.tf("aws_ssm_parameter", "host", {"name": "/shop/prod/db-host", "type": "String", "value": "db.internal"})
	count(database_password.deny) == 0 with input as t.doc([ref, plain])
}

test_secret_version_with_hyphenated_password_key_is_denied if {
	version := t.tf("aws_secretsmanager_secret_version", "db", {"secret_id": "${aws_secretsmanager_secret.db.id}", "secret_string": "{\"db-password\":\"hunter22\"}"})
	t.found(database_password.deny) == {["ECO-ENC-014", "aws_secretsmanager_secret_version.db"]} with input as t.doc([version])
}
