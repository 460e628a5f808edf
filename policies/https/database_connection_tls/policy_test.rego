package ecolaura.https.database_connection_tls_test

import data.ecolaura.https.database_connection_tls
import data.ecolaura.lib.testing_test as t

_config(entries) := t.k8s({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "backend-config", "namespace": "shop"}, "data": entries})

_deployment(env) := t.k8s({
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": "backend", "namespace": "shop"},
	"spec": {"template": {"metadata": {}, "spec": {"containers": [{"name": "api", "image": "api:1.0.0", "env": env}]}}},
})

test_config_requiring_tls_is_allowed if {
	count(database_connection_tls.deny) == 0 with input as t.doc([_config({"PGDATABASE": "shop", "PGSSLMODE": "verify-full"})])
}

test_config_with_prefer_mode_is_denied if {
	some v in database_connection_tls.deny with input as t.doc([_config({"PGDATABASE": "shop", "PGSSLMODE": "prefer"})])
	[v.policy, v.resource] == ["ECO-TLS-009", "ConfigMap/shop/backend-config"]
	contains(v.message, "data PGSSLMODE is prefer")
}

test_config_without_sslmode_is_denied if {
	t.found(database_connection_tls.deny) == {["ECO-TLS-009", "ConfigMap/shop/backend-config"]} with input as t.doc([_config({"PGHOST": "db.internal"})])
}

test_container_url_without_sslmode_is_denied if {
	some v in database_connection_tls.deny with input as t.doc([_deployment([
		{"name": "DATABASE_URL", "value": "postgres://db.internal:5432/shop"},
		{"name": "PGSSLMODE", "value": "verify-full"},
	])])
	[v.policy, v.resource] == ["ECO-TLS-009", "Deployment/shop/backend"]
	contains(v.message, "spec.template.spec.containers[api].env DATABASE_URL is a PostgreSQL connection string without sslmode=verify-full or verify-ca (effective sslmode missing)")
}

test_container_url_with_sslmode_is_allowed if {
	count(database_connection_tls.deny) == 0 with input as t.doc([_deployment([
		{"name": "DATABASE_URL", "value": "postgresql://db.internal/shop?sslmode=verify-full"},
		{"name": "PGSSLMODE", "value": "verify-full"},
	])])
}

test_unrelated_config_is_allowed if {
	count(database_connection_tls.deny) == 0 with input as t.doc([_config({"LOG_LEVEL": "info"})])
}

test_config_with_require_mode_is_denied if {
	some v in database_connection_tls.deny with input as t.doc([_config({"PGDATABASE": "shop", "PGSSLMODE": "require"})])
	[v.policy, v.resource] == ["ECO-TLS-009", "ConfigMap/shop/backend-config"]
	contains(v.message, "data PGSSLMODE is require; use verify-full")
}

test_config_with_verify_ca_mode_is_allowed if {
	count(database_connection_tls.deny) == 0 with input as t.doc([_config({"PGDATABASE": "shop", "PGSSLMODE": "verify-ca"})])
}

test_container_url_with_require_mode_is_denied if {
	some v in database_connection_tls.deny with input as t.doc([_deployment([
		{"name": "DATABASE_URL", "value": "postgres://db.internal/shop?sslmode=require"},
		{"name": "PGSSLMODE", "value": "verify-full"},
	])])
	[v.policy, v.resource] == ["ECO-TLS-009", "Deployment/shop/backend"]
	contains(v.message, "DATABASE_URL is a PostgreSQL connection string without sslmode=verify-full or verify-ca (effective sslmode require)")
}

test_jdbc_url_without_sslmode_is_denied if {
	t.found(database_connection_tls.deny) == {["ECO-TLS-009", "Deployment/shop/backend"]} with input as t.doc([_deployment([
		{"name": "SPRING_DATASOURCE_URL", "value": "jdbc:postgresql://db.internal:5432/shop"},
		{"name": "PGSSLMODE", "value": "verify-full"},
	])])
}

test_sqlalchemy_driver_url_without_sslmode_is_denied if {
	t.found(database_connection_tls.deny) == {["ECO-TLS-009", "Deployment/shop/backend"]} with input as t.doc([_deployment([
		{"name": "SQLALCHEMY_DATABASE_URI", "value": "postgresql+psycopg2://shop@db.internal/shop"},
		{"name": "PGSSLMODE", "value": "verify-full"},
	])])
}

test_sslmode_given_twice_is_judged_by_the_last if {
	some v in database_connection_tls.deny with input as t.doc([_deployment([
		{"name": "DATABASE_URL", "value": "postgresql://db.internal/shop?sslmode=verify-full&sslmode=disable"},
		{"name": "PGSSLMODE", "value": "verify-full"},
	])])
	contains(v.message, "(effective sslmode disable)")
}

test_keyword_value_dsn_without_sslmode_is_denied if {
	t.found(database_connection_tls.deny) == {["ECO-TLS-009", "ConfigMap/shop/backend-config"]} with input as t.doc([_config({"DSN": "host=db.internal dbname=shop user=shop", "PGSSLMODE": "verify-full"})])
}

test_duplicate_env_names_are_judged_by_the_last_entry if {
	# Valid in Kubernetes (the last entry wins); before, the gate stopped with a conflict error.
	some v in database_connection_tls.deny with input as t.doc([_deployment([
		{"name": "PGHOST", "value": "db.internal"},
		{"name": "PGSSLMODE", "value": "verify-full"},
		{"name": "PGSSLMODE", "value": "disable"},
	])])
	contains(v.message, "PGSSLMODE is disable")
}

test_duplicate_env_name_ending_in_a_safe_mode_is_allowed if {
	count(database_connection_tls.deny) == 0 with input as t.doc([_deployment([
		{"name": "PGHOST", "value": "db.internal"},
		{"name": "PGSSLMODE", "value": "disable"},
		{"name": "PGSSLMODE", "value": "verify-full"},
	])])
}
