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

test_wildcard_tls_host_covers_one_label if {
	count(ingress_tls.deny) == 0 with input as t.doc([_ingress({
		"rules": [_rule("api.example.com")],
		"tls": [{"hosts": ["*.example.com"], "secretName": "wildcard-tls"}],
	})])
}

test_wildcard_tls_host_does_not_cover_two_labels if {
	some v in ingress_tls.deny with input as t.doc([_ingress({
		"rules": [_rule("a.b.example.com")],
		"tls": [{"hosts": ["*.example.com"], "secretName": "wildcard-tls"}],
	})])
	v.policy == "ECO-TLS-001"
	contains(v.message, "host a.b.example.com is not covered by spec.tls")
}

test_wildcard_tls_host_does_not_cover_the_apex if {
	t.found(ingress_tls.deny) == {["ECO-TLS-001", "Ingress/shop/web"]} with input as t.doc([_ingress({
		"rules": [_rule("example.com")],
		"tls": [{"hosts": ["*.example.com"], "secretName": "wildcard-tls"}],
	})])
}

_alb(annotations, rules) := t.k8s({
	"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
	"metadata": {"name": "web", "namespace": "shop", "annotations": annotations},
	"spec": {"ingressClassName": "alb", "rules": rules},
})

_alb_tls := {
	"alb.ingress.kubernetes.io/listen-ports": "[{\"HTTP\":80},{\"HTTPS\":443}]",
	"alb.ingress.kubernetes.io/ssl-redirect": "443",
	"alb.ingress.kubernetes.io/ssl-policy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
}

test_alb_with_https_listener_and_discovered_certificate_is_allowed if {
	count(ingress_tls.deny) == 0 with input as t.doc([_alb(_alb_tls, [_rule("shop.example.eu")])])
}

test_alb_without_spec_tls_is_not_judged_by_spec_tls if {
	# The ALB reads no secret from spec.tls; its certificate comes from ACM by host.
	not _any_spec_tls_message with input as t.doc([_alb(_alb_tls, [_rule("shop.example.eu")])])
}

_any_spec_tls_message if {
	some v in ingress_tls.deny
	contains(v.message, "spec.tls")
}

test_alb_without_https_listener_is_denied if {
	some v in ingress_tls.deny with input as t.doc([_alb(
		object.remove(_alb_tls, ["alb.ingress.kubernetes.io/listen-ports"]),
		[_rule("shop.example.eu")],
	)])
	v.policy == "ECO-TLS-001"
	contains(v.message, "the ALB has no HTTPS listener")
}

test_alb_with_malformed_listen_ports_is_denied if {
	t.found(ingress_tls.deny) == {["ECO-TLS-001", "Ingress/shop/web"]} with input as t.doc([_alb(
		object.union(_alb_tls, {"alb.ingress.kubernetes.io/listen-ports": "HTTPS:443"}),
		[_rule("shop.example.eu")],
	)])
}

test_alb_rule_without_host_and_without_certificate_arn_is_denied if {
	some v in ingress_tls.deny with input as t.doc([_alb(_alb_tls, [{"http": {"paths": []}}])])
	contains(v.message, "spec.rules[0] has no host")
}

test_alb_rule_without_host_with_certificate_arn_is_allowed if {
	count(ingress_tls.deny) == 0 with input as t.doc([_alb(
		object.union(_alb_tls, {"alb.ingress.kubernetes.io/certificate-arn": "arn:aws:acm:eu-west-1:111122223333:certificate/x"}),
		[{"http": {"paths": []}}],
	)])
}

test_alb_with_tls_1_0_policy_is_denied if {
	some v in ingress_tls.deny with input as t.doc([_alb(
		object.union(_alb_tls, {"alb.ingress.kubernetes.io/ssl-policy": "ELBSecurityPolicy-2016-08"}),
		[_rule("shop.example.eu")],
	)])
	v.policy == "ECO-TLS-001"
	contains(v.message, "ssl-policy is \"ELBSecurityPolicy-2016-08\"")
}

test_alb_without_ssl_policy_is_denied_since_the_controller_default_accepts_tls_1_0 if {
	some v in ingress_tls.deny with input as t.doc([_alb(
		object.remove(_alb_tls, ["alb.ingress.kubernetes.io/ssl-policy"]),
		[_rule("shop.example.eu")],
	)])
	contains(v.message, "ssl-policy is missing")
}

test_legacy_class_annotation_counts_as_alb if {
	count(ingress_tls.deny) == 0 with input as t.doc([t.k8s({
		"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
		"metadata": {"name": "web", "namespace": "shop", "annotations": object.union(_alb_tls, {"kubernetes.io/ingress.class": "alb"})},
		"spec": {"rules": [_rule("shop.example.eu")]},
	})])
}
