# METADATA
# title: Admin UIs are not exposed to the internet
# description: >-
#   An Ingress or LoadBalancer Service of an administration UI (Grafana, Kibana, Argo CD,
#   Prometheus, Alertmanager) must sit on an internal load balancer: for an ALB Ingress the
#   alb.ingress.kubernetes.io/scheme annotation "internal", for a Service the AWS internal
#   scheme. An object is an admin UI when it carries the label ecolaura.io/admin-ui "true"
#   (environments/names.ts, ADMIN_UI_LABEL), which the platform sets from its model; and, so that
#   dropping or falsifying the label is no way out, when it routes to the Service of a known
#   admin UI (kube-prometheus-stack's Grafana, Prometheus and Alertmanager, ECK's Kibana, Argo
#   CD's server), whatever its label says. Any other controller than the ALB cannot show that
#   it is internal, so it counts as public.
# custom:
#   id: ECO-TLS-010
#   severity: critical
#   controls:
#     - GDPR Art. 32(1)(b)
#     - CIS Amazon EKS Benchmark 5.4.2
#     - AWS FSBP ELB.13
#   equivalents: []
#   remediation: >-
#     Serve the admin UI on the internal ALB: alb.ingress.kubernetes.io/scheme "internal" with the
#     internal IngressGroup, reached from the VPC through the SSM bastion; or put it behind SSO.
package ecolaura.https.admin_ui_internal

import data.ecolaura.lib.ingress
import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

# The label the model declares admin UIs with (ADMIN_UI_LABEL in environments/names.ts).
admin_ui_label := "ecolaura.io/admin-ui"

# Service names of well-known admin UIs, as their charts and operators name them: exact names
# and name suffixes (a Helm release prefixes its own name).
_admin_service_names := {"argocd-server", "prometheus-operated", "alertmanager-operated"}

_admin_service_suffixes := {"-grafana", "-kb-http", "-prometheus", "-alertmanager", "-argocd-server"}

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in resources.kubernetes({"Ingress"})
	_admin_ui(r)
	not ingress.internal(r)
	detail := sprintf("it serves an admin UI (%s) on a load balancer that is not internal (%s)", [_why(r), _exposure(r)])
}

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in resources.kubernetes({"Service"})
	object.get(r.values, ["spec", "type"], "ClusterIP") == "LoadBalancer"
	_admin_ui(r)
	not _internal_service(r)
	detail := sprintf("it exposes an admin UI (%s) on a load balancer that is not internal", [_why(r)])
}

_admin_ui(r) if _labelled(r)

_admin_ui(r) if count(_admin_backends(r)) > 0

_labelled(r) if object.get(r.values, ["metadata", "labels", admin_ui_label], "") == "true"

_admin_backends(r) := {name |
	some name in _backend_services(r)
	_admin_service(name)
} if {
	r.type == "Ingress"
}

_admin_backends(r) := {r.name} if {
	r.type == "Service"
	_admin_service(r.name)
}

_backend_services(r) := {name |
	some rule in object.get(r.values, ["spec", "rules"], [])
	some path in object.get(rule, ["http", "paths"], [])
	name := path.backend.service.name
} | {name | name := r.values.spec.defaultBackend.service.name}

_admin_service(name) if name in _admin_service_names

_admin_service(name) if {
	some suffix in _admin_service_suffixes
	endswith(name, suffix)
}

_why(r) := sprintf("label %s", [admin_ui_label]) if {
	_labelled(r)
	count(_admin_backends(r)) == 0
}

_why(r) := sprintf("backend Service %s", [concat(", ", sort(_admin_backends(r)))]) if count(_admin_backends(r)) > 0

_exposure(r) := sprintf("alb.ingress.kubernetes.io/scheme is %s", [_scheme(r)]) if ingress.is_alb(r)

_exposure(r) := "only an ALB with scheme internal can show it is internal" if not ingress.is_alb(r)

_scheme(r) := "missing" if ingress.alb_annotation(r, "scheme") == ""

_scheme(r) := json.marshal(ingress.alb_annotation(r, "scheme")) if ingress.alb_annotation(r, "scheme") != ""

_service_annotation(r, name) := object.get(r.values, ["metadata", "annotations", concat("", ["service.beta.kubernetes.io/", name])], "")

_internal_service(r) if _service_annotation(r, "aws-load-balancer-scheme") == "internal"

_internal_service(r) if resources.truthy(_service_annotation(r, "aws-load-balancer-internal"))
