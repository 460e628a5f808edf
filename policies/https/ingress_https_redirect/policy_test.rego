package ecolaura.https.ingress_https_redirect_test

import data.ecolaura.https.ingress_https_redirect
import data.ecolaura.lib.testing_test as t

_ingress(class, annotations) := t.k8s({
	"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
	"metadata": {"name": "web", "namespace": "shop", "annotations": annotations},
	"spec": {"ingressClassName": class, "rules": [{"host": "shop.example.eu"}]},
})

test_nginx_with_forced_redirect_is_allowed if {
	count(ingress_https_redirect.deny) == 0 with input as t.doc([_ingress("nginx", {
		"nginx.ingress.kubernetes.io/force-ssl-redirect": "true",
		"nginx.ingress.kubernetes.io/ssl-redirect": "true",
	})])
}

test_nginx_redirect_switched_off_is_denied if {
	t.found(ingress_https_redirect.deny) == {["ECO-TLS-002", "Ingress/shop/web"]} with input as t.doc([_ingress("nginx", {
		"nginx.ingress.kubernetes.io/force-ssl-redirect": "true",
		"nginx.ingress.kubernetes.io/ssl-redirect": "false",
	})])
}

test_nginx_without_force_annotation_is_denied if {
	some v in ingress_https_redirect.deny with input as t.doc([_ingress("nginx", {})])
	v.policy == "ECO-TLS-002"
	contains(v.message, "force-ssl-redirect is missing")
}

test_alb_without_redirect_is_denied if {
	t.found(ingress_https_redirect.deny) == {["ECO-TLS-002", "Ingress/shop/web"]} with input as t.doc([_ingress("alb", {})])
}

_alb(annotations) := _ingress("alb", annotations)

test_alb_redirecting_to_its_https_port_is_allowed if {
	count(ingress_https_redirect.deny) == 0 with input as t.doc([_alb({
		"alb.ingress.kubernetes.io/listen-ports": "[{\"HTTP\":80},{\"HTTPS\":443}]",
		"alb.ingress.kubernetes.io/ssl-redirect": "443",
	})])
}

test_alb_with_https_listener_only_needs_no_redirect if {
	count(ingress_https_redirect.deny) == 0 with input as t.doc([_alb({"alb.ingress.kubernetes.io/listen-ports": "[{\"HTTPS\":443}]"})])
}

test_alb_http_listener_without_redirect_is_denied if {
	some v in ingress_https_redirect.deny with input as t.doc([_alb({"alb.ingress.kubernetes.io/listen-ports": "[{\"HTTP\":80},{\"HTTPS\":443}]"})])
	v.policy == "ECO-TLS-002"
	contains(v.message, "ssl-redirect is missing")
}

test_alb_redirect_to_a_port_without_https_listener_is_denied if {
	t.found(ingress_https_redirect.deny) == {["ECO-TLS-002", "Ingress/shop/web"]} with input as t.doc([_alb({
		"alb.ingress.kubernetes.io/listen-ports": "[{\"HTTP\":80},{\"HTTPS\":443}]",
		"alb.ingress.kubernetes.io/ssl-redirect": "8443",
	})])
}

test_alb_without_listen_ports_serves_plain_http_and_is_denied if {
	# The controller's default listener is HTTP 80.
	t.found(ingress_https_redirect.deny) == {["ECO-TLS-002", "Ingress/shop/web"]} with input as t.doc([_alb({})])
}

test_alb_is_not_judged_by_nginx_annotations if {
	count(ingress_https_redirect.deny) == 0 with input as t.doc([_alb({
		"alb.ingress.kubernetes.io/listen-ports": "[{\"HTTP\":80},{\"HTTPS\":443}]",
		"alb.ingress.kubernetes.io/ssl-redirect": "443",
		"nginx.ingress.kubernetes.io/ssl-redirect": "false",
	})])
}
