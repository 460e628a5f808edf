# METADATA
# title: Ingress hosts are served over TLS
# description: >-
#   Every host an Ingress routes must be listed under spec.tls, and every rule must name a host:
#   a rule without a host, or a host missing from spec.tls, is answered over plain HTTP.
# custom:
#   id: ECO-TLS-001
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - CIS Amazon EKS Benchmark 5.4.5
#   equivalents:
#     - Kyverno require-ingress-https
#   remediation: >-
#     List every spec.rules[].host under spec.tls[].hosts with a certificate secret (cert-manager's
#     cluster-issuer annotation issues it) and give every rule a host.
package ecolaura.https.ingress_tls

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in resources.kubernetes({"Ingress"})
	some i, rule in object.get(r.values, ["spec", "rules"], [])
	not resources.present(object.get(rule, "host", null))
	detail := sprintf("spec.rules[%d] has no host, so it is served without TLS", [i])
}

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in resources.kubernetes({"Ingress"})
	some rule in object.get(r.values, ["spec", "rules"], [])
	host := rule.host
	not host in _tls_hosts(r)
	detail := sprintf("host %s is not covered by spec.tls", [host])
}

deny contains violation.make(rego.metadata.chain(), r, "it routes no host at all (only a default backend, served without TLS)") if {
	some r in resources.kubernetes({"Ingress"})
	count(object.get(r.values, ["spec", "rules"], [])) == 0
}

_tls_hosts(r) := {host |
	some tls in object.get(r.values, ["spec", "tls"], [])
	resources.present(object.get(tls, "secretName", null))
	some host in object.get(tls, "hosts", [])
}
