# METADATA
# title: Ingresses force HTTPS
# description: >-
#   An Ingress must answer plain HTTP only with a redirect to HTTPS. For the AWS Load Balancer
#   Controller (class alb), every HTTP listener needs alb.ingress.kubernetes.io/ssl-redirect naming
#   one of the Ingress's HTTPS listener ports (an ALB with HTTPS listeners only needs none). For
#   other classes (ingress-nginx semantics), force-ssl-redirect must be set and neither redirect
#   annotation switched off.
# custom:
#   id: ECO-TLS-002
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - CIS Amazon EKS Benchmark 5.4.5
#     - AWS FSBP ELB.1
#   equivalents:
#     - Kyverno require-ingress-https
#   remediation: >-
#     ALB: set alb.ingress.kubernetes.io/ssl-redirect to "443" (an HTTPS port of listen-ports).
#     Other classes: keep nginx.ingress.kubernetes.io/ssl-redirect and force-ssl-redirect at "true".
package ecolaura.https.ingress_https_redirect

import data.ecolaura.lib.ingress
import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_nginx_switches := {"nginx.ingress.kubernetes.io/ssl-redirect", "nginx.ingress.kubernetes.io/force-ssl-redirect"}

deny contains violation.make_at(rego.metadata.chain(), r, ["metadata", "annotations", key], sprintf("annotation %s is %s, so plain HTTP is served", [key, value])) if {
	some r in resources.kubernetes({"Ingress"})
	not ingress.is_alb(r)
	some key, value in ingress.annotations(r)
	key in _nginx_switches
	not resources.truthy(value)
}

deny contains violation.make_at(rego.metadata.chain(), r, ["metadata", "annotations"], "nginx.ingress.kubernetes.io/force-ssl-redirect is missing, so HTTPS is not forced") if {
	some r in resources.kubernetes({"Ingress"})
	not ingress.is_alb(r)
	not "nginx.ingress.kubernetes.io/force-ssl-redirect" in object.keys(ingress.annotations(r))
}

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in resources.kubernetes({"Ingress"})
	ingress.is_alb(r)
	count(ingress.alb_http_ports(r)) > 0
	redirect := ingress.alb_annotation(r, "ssl-redirect")
	not redirect in ingress.alb_https_ports(r)
	detail := sprintf(
		"the ALB listens for plain HTTP on %s but alb.ingress.kubernetes.io/ssl-redirect is %s, not one of its HTTPS ports %s, so plain HTTP is served",
		[concat(", ", sort(ingress.alb_http_ports(r))), ingress.shown(redirect), _ports(ingress.alb_https_ports(r))],
	)
}

_ports(ports) := "(none)" if count(ports) == 0

_ports(ports) := concat(", ", sort(ports)) if count(ports) > 0
