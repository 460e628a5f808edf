# METADATA
# title: Elasticsearch and Kibana keep HTTP TLS on
# description: >-
#   ECK serves Elasticsearch, Kibana and their kin over TLS unless
#   spec.http.tls.selfSignedCertificate.disabled is true; logs carry personal data (IP addresses,
#   user ids), so that switch stays off.
# custom:
#   id: ECO-TLS-008
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#   equivalents: []
#   remediation: >-
#     Remove spec.http.tls.selfSignedCertificate.disabled (or set it to false), or provide
#     spec.http.tls.certificate.secretName with a certificate of your own.
package ecolaura.https.elastic_tls

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_kinds := {"Elasticsearch", "Kibana", "ApmServer", "EnterpriseSearch", "Logstash", "Beat"}

deny contains violation.make_at(rego.metadata.chain(), r, ["spec", "http", "tls", "selfSignedCertificate", "disabled"], "spec.http.tls.selfSignedCertificate.disabled is true, so HTTP is served without TLS") if {
	some r in resources.kubernetes(_kinds)
	contains(object.get(r, "apiVersion", ""), ".k8s.elastic.co/")
	resources.truthy(object.get(r.values, ["spec", "http", "tls", "selfSignedCertificate", "disabled"], false))
	not resources.present(object.get(r.values, ["spec", "http", "tls", "certificate", "secretName"], null))
}
