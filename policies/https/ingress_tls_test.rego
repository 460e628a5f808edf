package ecolaura.https.ingress_tls_test

import data.ecolaura.https.ingress_tls
import data.ecolaura.lib.testing_test as t

_ingress(spec) := t.k8s({
	"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
	"metadata": {"name": "web", "namespace": "shop"},
	"spec": spec,
})

_rule(host) := {"host": host, "http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"number": 80}}}}]}}

test_host_covered_by_tls_is_allowed if {
	count(ingress_tls.deny) == 0 with input as t.doc([_ingress({
		"rules": [_rule("shop.example.eu")],
		"tls": [{"hosts": ["shop.example.eu"], "secretName": "shop-tls"}],
	})])
}

test_host_missing_from_tls_is_denied if {
	t.found(ingress_tls.deny) == {["ECO-TLS-001", "Ingress/shop/web"]} with input as t.doc([_ingress({
		"rules": [_rule("shop.example.eu"), _rule("admin.example.eu")],
		"tls": [{"hosts": ["shop.example.eu"], "secretName": "shop-tls"}],
	})])
}

test_message_names_the_uncovered_host if {
	some v in ingress_tls.deny with input as t.doc([_ingress({"rules": [_rule("admin.example.eu")]})])
	contains(v.message, "host admin.example.eu is not covered by spec.tls")
}

test_tls_entry_without_secret_does_not_count if {
	t.found(ingress_tls.deny) == {["ECO-TLS-001", "Ingress/shop/web"]} with input as t.doc([_ingress({
		"rules": [_rule("shop.example.eu")],
		"tls": [{"hosts": ["shop.example.eu"]}],
	})])
}

test_rule_without_host_is_denied if {
	t.found(ingress_tls.deny) == {["ECO-TLS-001", "Ingress/shop/web"]} with input as t.doc([_ingress({
		"rules": [{"http": {"paths": []}}],
		"tls": [{"hosts": ["shop.example.eu"], "secretName": "shop-tls"}],
	})])
}

test_default_backend_only_is_denied if {
	t.found(ingress_tls.deny) == {["ECO-TLS-001", "Ingress/shop/web"]} with input as t.doc([_ingress({"defaultBackend": {"service": {"name": "web", "port": {"number": 80}}}})])
}
