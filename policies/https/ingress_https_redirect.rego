# METADATA
# title: Ingresses force HTTPS
# description: >-
#   An Ingress must redirect plain HTTP to HTTPS. For ingress-nginx the redirect annotations must
#   not be switched off; for the AWS Load Balancer Controller an ssl-redirect port must be set.
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
#     Keep nginx.ingress.kubernetes.io/ssl-redirect and force-ssl-redirect at "true" (ingress-nginx),
#     or set alb.ingress.kubernetes.io/ssl-redirect to "443" (AWS Load Balancer Controller).
package ecolaura.https.ingress_https_redirect

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_nginx_switches := {"nginx.ingress.kubernetes.io/ssl-redirect", "nginx.ingress.kubernetes.io/force-ssl-redirect"}

deny contains violation.make(rego.metadata.chain(), r, sprintf("annotation %s is %s, so plain HTTP is served", [key, value])) if {
	some r in resources.kubernetes({"Ingress"})
	not _is_alb(r)
	some key, value in _annotations(r)
	key in _nginx_switches
	not resources.truthy(value)
}

deny contains violation.make(rego.metadata.chain(), r, "nginx.ingress.kubernetes.io/force-ssl-redirect is missing, so HTTPS is not forced") if {
	some r in resources.kubernetes({"Ingress"})
	not _is_alb(r)
	not "nginx.ingress.kubernetes.io/force-ssl-redirect" in object.keys(_annotations(r))
}

deny contains violation.make(rego.metadata.chain(), r, "the ALB Ingress has no alb.ingress.kubernetes.io/ssl-redirect, so port 80 answers in plain HTTP") if {
	some r in resources.kubernetes({"Ingress"})
	_is_alb(r)
	not resources.present(object.get(_annotations(r), "alb.ingress.kubernetes.io/ssl-redirect", null))
}

_annotations(r) := object.get(r.values, ["metadata", "annotations"], {})

_is_alb(r) if object.get(r.values, ["spec", "ingressClassName"], "") == "alb"

_is_alb(r) if _annotations(r)["kubernetes.io/ingress.class"] == "alb"
