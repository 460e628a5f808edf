package ecolaura.https.admin_ui_internal_test

import data.ecolaura.https.admin_ui_internal
import data.ecolaura.lib.testing_test as t

_ingress(labels, annotations, class, service) := t.k8s({
	"apiVersion": "networking.k8s.io/v1", "kind": "Ingress",
	"metadata": {"name": "ui", "namespace": "monitoring", "labels": labels, "annotations": annotations},
	"spec": {
		"ingressClassName": class,
		"rules": [{"host": "ui.example.eu", "http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": {"service": {"name": service, "port": {"number": 80}}}}]}}],
	},
})

_admin := {"ecolaura.io/admin-ui": "true"}

_internal := {"alb.ingress.kubernetes.io/scheme": "internal"}

_public := {"alb.ingress.kubernetes.io/scheme": "internet-facing"}

test_labelled_admin_ui_on_internal_alb_is_allowed if {
	count(admin_ui_internal.deny) == 0 with input as t.doc([_ingress(_admin, _internal, "alb", "ui")])
}

test_labelled_admin_ui_on_internet_facing_alb_is_denied if {
	some v in admin_ui_internal.deny with input as t.doc([_ingress(_admin, _public, "alb", "ui")])
	v.policy == "ECO-TLS-010"
	v.resource == "Ingress/monitoring/ui"
	contains(v.message, "label ecolaura.io/admin-ui")
	contains(v.message, "scheme is \"internet-facing\"")
}

test_labelled_admin_ui_on_alb_without_scheme_is_denied if {
	some v in admin_ui_internal.deny with input as t.doc([_ingress(_admin, {}, "alb", "ui")])
	contains(v.message, "scheme is missing")
}

test_labelled_admin_ui_on_another_controller_is_denied if {
	t.found(admin_ui_internal.deny) == {["ECO-TLS-010", "Ingress/monitoring/ui"]} with input as t.doc([_ingress(_admin, _internal, "nginx", "ui")])
}

test_unlabelled_grafana_backend_on_public_alb_is_denied if {
	# Dropping or falsifying the label does not hide a known admin UI.
	some v in admin_ui_internal.deny with input as t.doc([_ingress({"ecolaura.io/admin-ui": "false"}, _public, "alb", "kube-prometheus-stack-grafana")])
	contains(v.message, "backend Service kube-prometheus-stack-grafana")
}

test_unlabelled_kibana_backend_on_public_alb_is_denied if {
	t.found(admin_ui_internal.deny) == {["ECO-TLS-010", "Ingress/monitoring/ui"]} with input as t.doc([_ingress({}, _public, "alb", "logs-kb-http")])
}

test_shop_on_public_alb_is_allowed if {
	count(admin_ui_internal.deny) == 0 with input as t.doc([_ingress({}, _public, "alb", "frontend")])
}

_service(name, annotations) := t.k8s({
	"apiVersion": "v1", "kind": "Service",
	"metadata": {"name": name, "namespace": "argocd", "annotations": annotations},
	"spec": {"type": "LoadBalancer", "ports": [{"port": 443}]},
})

test_argocd_server_on_public_load_balancer_service_is_denied if {
	t.found(admin_ui_internal.deny) == {["ECO-TLS-010", "Service/argocd/argocd-server"]} with input as t.doc([_service("argocd-server", {})])
}

test_argocd_server_on_internal_load_balancer_service_is_allowed if {
	count(admin_ui_internal.deny) == 0 with input as t.doc([_service("argocd-server", {"service.beta.kubernetes.io/aws-load-balancer-scheme": "internal"})])
}
