# METADATA
# title: No LoadBalancer Service exposes plain HTTP to the internet
# description: >-
#   An internet-facing Service of type LoadBalancer may only expose ports whose TLS the load
#   balancer terminates (listed in the aws-load-balancer-ssl-ports annotation, with a
#   certificate) or whose pods speak TLS themselves (appProtocol https or tls). The port number
#   proves nothing: port 443 forwarding plain HTTP to the pods is plain HTTP. Internal load
#   balancers are out of scope; public HTTP goes through the ALB Ingress, which redirects it.
# custom:
#   id: ECO-TLS-003
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - CIS Amazon EKS Benchmark 5.4.5
#   equivalents: []
#   remediation: >-
#     Expose the application through the TLS Ingress instead, make the load balancer internal,
#     terminate TLS on it (service.beta.kubernetes.io/aws-load-balancer-ssl-cert and -ssl-ports),
#     or declare appProtocol https on a port whose pods serve TLS.
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
	detail := sprintf("port %s is exposed to the internet without TLS termination or a TLS backend", [_port_name(port)])
}

_annotations(r) := object.get(r.values, ["metadata", "annotations"], {})

_annotation(r, name) := object.get(_annotations(r), concat("", [_annotation_prefix, name]), "")

_internal(r) if _annotation(r, "aws-load-balancer-scheme") == "internal"

_internal(r) if resources.truthy(_annotation(r, "aws-load-balancer-internal"))

# Terminated at the load balancer with a certificate.
_tls_port(r, port) if {
	resources.present(_annotation(r, "aws-load-balancer-ssl-cert"))
	_ssl_ports(r)[_] in {"*", format_int(port.port, 10), object.get(port, "name", "")}
}

# Passed through to pods that declare they speak TLS (Kubernetes appProtocol).
_tls_port(_, port) if lower(object.get(port, "appProtocol", "")) in {"https", "tls"}

_ssl_ports(r) := [trim_space(p) | some p in split(_annotation(r, "aws-load-balancer-ssl-ports"), ",")]

_port_name(port) := concat("", [format_int(port.port, 10), " (", port.name, ")"]) if port.name

_port_name(port) := format_int(port.port, 10) if not port.name
