# METADATA
# title: No LoadBalancer Service exposes plain HTTP to the internet
# description: >-
#   An internet-facing Service of type LoadBalancer may only expose ports whose TLS the load
#   balancer terminates (listed in the aws-load-balancer-ssl-ports annotation with a certificate)
#   or port 443. Internal load balancers are out of scope; HTTP goes through the Ingress, which
#   redirects it.
# custom:
#   id: ECO-TLS-003
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - CIS Amazon EKS Benchmark 5.4.5
#   equivalents: []
#   remediation: >-
#     Expose the application through the TLS Ingress instead, make the load balancer internal, or
#     terminate TLS on it (service.beta.kubernetes.io/aws-load-balancer-ssl-cert and -ssl-ports).
package ecolaura.https.service_plain_http

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_annotation_prefix := "service.beta.kubernetes.io/"

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in resources.kubernetes({"Service"})
	object.get(r.values, ["spec", "type"], "ClusterIP") == "LoadBalancer"
	not _internal(r)
	some port in object.get(r.values, ["spec", "ports"], [])
	not _tls_port(r, port)
	detail := sprintf("port %s is exposed to the internet without TLS", [_port_name(port)])
}

_annotations(r) := object.get(r.values, ["metadata", "annotations"], {})

_annotation(r, name) := object.get(_annotations(r), concat("", [_annotation_prefix, name]), "")

_internal(r) if _annotation(r, "aws-load-balancer-scheme") == "internal"

_internal(r) if resources.truthy(_annotation(r, "aws-load-balancer-internal"))

_tls_port(_, port) if port.port == 443

_tls_port(r, port) if {
	resources.present(_annotation(r, "aws-load-balancer-ssl-cert"))
	_ssl_ports(r)[_] in {"*", format_int(port.port, 10), object.get(port, "name", "")}
}

_ssl_ports(r) := [trim_space(p) | some p in split(_annotation(r, "aws-load-balancer-ssl-ports"), ",")]

_port_name(port) := concat("", [format_int(port.port, 10), " (", port.name, ")"]) if port.name

_port_name(port) := format_int(port.port, 10) if not port.name
