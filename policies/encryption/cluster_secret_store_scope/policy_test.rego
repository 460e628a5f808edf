package ecolaura.encryption.cluster_secret_store_scope_test

import data.ecolaura.encryption.cluster_secret_store_scope as scope
import data.ecolaura.lib.testing_test as t

_provider := {"aws": {"service": "SecretsManager", "region": "eu-west-1"}}

_store(spec) := t.k8s({"apiVersion": "external-secrets.io/v1", "kind": "ClusterSecretStore", "metadata": {"name": "aws-secrets-manager"}, "spec": spec})

_details(doc) := {v.message |
	some v in scope.deny with input as doc
}

test_store_limited_to_named_namespaces_is_allowed if {
	count(scope.deny) == 0 with input as t.doc([_store({"provider": _provider, "conditions": [{"namespaces": ["ecolaura", "monitoring"]}]})])
}

test_store_limited_by_namespace_labels_is_allowed if {
	condition := {"namespaceSelector": {"matchLabels": {"ecolaura.io/secrets": "aws"}}}
	count(scope.deny) == 0 with input as t.doc([_store({"provider": _provider, "conditions": [condition]})])
}

test_store_limited_by_an_anchored_regex_is_allowed if {
	condition := {"namespaceRegexes": ["^ecolaura$"]}
	count(scope.deny) == 0 with input as t.doc([_store({"provider": _provider, "conditions": [condition]})])
}

test_store_without_conditions_is_denied if {
	doc := t.doc([_store({"provider": _provider})])
	t.found(scope.deny) == {["ECO-ENC-015", "ClusterSecretStore/aws-secrets-manager"]} with input as doc
	some m in _details(doc)
	startswith(m, "ClusterSecretStore/aws-secrets-manager: spec.conditions is missing or empty, so the store serves every namespace. Fix: ")
}

test_store_with_an_empty_conditions_list_is_denied if {
	t.found(scope.deny) == {["ECO-ENC-015", "ClusterSecretStore/aws-secrets-manager"]} with input as t.doc([_store({"provider": _provider, "conditions": []})])
}

test_condition_naming_nothing_is_denied_with_its_index if {
	doc := t.doc([_store({"provider": _provider, "conditions": [{"namespaces": ["ecolaura"]}, {"namespaceSelector": {}}]})])
	some m in _details(doc)
	contains(m, "spec.conditions[1] names no namespace")
	count(_details(doc)) == 1
}

test_regex_matching_any_name_is_denied if {
	doc := t.doc([_store({"provider": _provider, "conditions": [{"namespaceRegexes": [".*"]}]})])
	some m in _details(doc)
	contains(m, "spec.conditions[0] names no namespace")
}

test_wildcard_namespace_name_is_denied if {
	doc := t.doc([_store({"provider": _provider, "conditions": [{"namespaces": ["*"]}]})])
	t.found(scope.deny) == {["ECO-ENC-015", "ClusterSecretStore/aws-secrets-manager"]} with input as doc
}

test_namespaced_secret_stores_are_out_of_scope if {
	store := t.k8s({"apiVersion": "external-secrets.io/v1", "kind": "SecretStore", "metadata": {"name": "local", "namespace": "ecolaura"}, "spec": {"provider": _provider}})
	count(scope.deny) == 0 with input as t.doc([store])
}

test_the_v1_api_is_checked_too if {
	store := t.k8s({"apiVersion": "external-secrets.io/v1", "kind": "ClusterSecretStore", "metadata": {"name": "aws"}, "spec": {"provider": _provider}})
	t.found(scope.deny) == {["ECO-ENC-015", "ClusterSecretStore/aws"]} with input as t.doc([store])
}
