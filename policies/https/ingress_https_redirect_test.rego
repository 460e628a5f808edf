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

test_alb_with_redirect_is_allowed if {
	count(ingress_https_redirect.deny) == 0 with input as t.doc([_ingress("alb", {"alb.ingress.kubernetes.io/ssl-redirect": "443"})])
}

test_alb_without_redirect_is_denied if {
	t.found(ingress_https_redirect.deny) == {["ECO-TLS-002", "Ingress/shop/web"]} with input as t.doc([_ingress("alb", {})])
}
