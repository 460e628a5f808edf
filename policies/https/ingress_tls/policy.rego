# METADATA
# title: Ingress hosts are served over TLS
# description: >-
#   Every host an Ingress routes must be served with a certificate, and every rule must name a
#   host. For the AWS Load Balancer Controller (class alb) that means an HTTPS listener in
#   alb.ingress.kubernetes.io/listen-ports, a certificate (certificate-arn, or discovery of the ACM
#   certificate by the rule's host) and an ssl-policy that accepts TLS 1.2 and newer only. For
#   every other class, the host must be covered by a spec.tls entry with a secret; a wildcard
#   entry covers exactly one label (*.example.eu covers api.example.eu, not a.b.example.eu).
# custom:
#   id: ECO-TLS-001
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - CIS Amazon EKS Benchmark 5.4.5
#     - AWS FSBP ELB.17
#   equivalents:
#     - Kyverno require-ingress-https
#   remediation: >-
#     ALB: set alb.ingress.kubernetes.io/listen-ports to '[{"HTTP":80},{"HTTPS":443}]', give every
#     rule a host whose ACM certificate exists (or set certificate-arn) and set ssl-policy to
#     ELBSecurityPolicy-TLS13-1-2-2021-06. Other classes: list every rule host under
#     spec.tls[].hosts with a certificate secret.
package ecolaura.https.ingress_tls

import data.ecolaura.lib.ingress
import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

# TLS 1.2+ ALB policies with forward-secret AEAD ciphers only; the "-Ext" and "TLS13-1-0/1-1"
# families still accept CBC ciphers or TLS 1.0/1.1.
# https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
allowed_alb_ssl_policies := {
	"ELBSecurityPolicy-TLS13-1-2-2021-06",
	"ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
	"ELBSecurityPolicy-TLS13-1-3-2021-06",
	"ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
	"ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
	"ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
	"ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
}

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in resources.kubernetes({"Ingress"})
	some i, rule in object.get(r.values, ["spec", "rules"], [])
	not resources.present(object.get(rule, "host", null))
	not _alb_certificate_arn(r)
	detail := sprintf("spec.rules[%d] has no host, so no certificate is found for it and it is served without TLS", [i])
}

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in resources.kubernetes({"Ingress"})
	not ingress.is_alb(r)
	some rule in object.get(r.values, ["spec", "rules"], [])
	host := rule.host
	not _covered(r, host)
	detail := sprintf("host %s is not covered by spec.tls", [host])
}

deny contains violation.make(rego.metadata.chain(), r, "it routes no host at all (only a default backend, served without TLS)") if {
	some r in resources.kubernetes({"Ingress"})
	count(object.get(r.values, ["spec", "rules"], [])) == 0
}

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in resources.kubernetes({"Ingress"})
	ingress.is_alb(r)
	count(ingress.alb_https_ports(r)) == 0
	detail := sprintf("the ALB has no HTTPS listener (alb.ingress.kubernetes.io/listen-ports is %s)", [ingress.shown(ingress.alb_annotation(r, "listen-ports"))])
}

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in resources.kubernetes({"Ingress"})
	ingress.is_alb(r)
	count(ingress.alb_https_ports(r)) > 0
	policy := ingress.alb_annotation(r, "ssl-policy")
	not policy in allowed_alb_ssl_policies
	detail := sprintf("alb.ingress.kubernetes.io/ssl-policy is %s, which is not a TLS 1.2+ forward-secret policy", [ingress.shown(policy)])
}

_covered(r, host) if {
	some tls_host in ingress.tls_hosts(r)
	ingress.covers(tls_host, host)
}

_alb_certificate_arn(r) if {
	ingress.is_alb(r)
	resources.present(ingress.alb_annotation(r, "certificate-arn"))
}
