# METADATA
# title: Ingress and load-balancer helpers
# description: >-
#   Reads how an Ingress declares TLS, redirects and exposure for the AWS Load Balancer
#   Controller (IngressClass alb and its alb.ingress.kubernetes.io/* annotations) and for other
#   controllers (spec.tls), and decides whether a TLS host covers a rule host, wildcards included.
#   Every helper treats a missing or unparseable value as "not declared", never as "fine".
package ecolaura.lib.ingress

_alb_prefix := "alb.ingress.kubernetes.io/"

# METADATA
# description: The object's annotations, {} when none.
annotations(r) := object.get(r.values, ["metadata", "annotations"], {})

# METADATA
# description: An alb.ingress.kubernetes.io/<name> annotation of the Ingress, "" when absent.
alb_annotation(r, name) := object.get(annotations(r), concat("", [_alb_prefix, name]), "")

# METADATA
# description: >-
#   The Ingress is served by the AWS Load Balancer Controller: its IngressClass is alb, by
#   spec.ingressClassName or by the legacy kubernetes.io/ingress.class annotation.
is_alb(r) if object.get(r.values, ["spec", "ingressClassName"], "") == "alb"

is_alb(r) if annotations(r)["kubernetes.io/ingress.class"] == "alb"

# METADATA
# description: >-
#   The ALB listeners the Ingress asks for, as [protocol, port] pairs. Without the listen-ports
#   annotation the controller opens HTTP 80 only (or HTTPS 443 when a certificate-arn is given).
#   An annotation that is not a JSON list of {"HTTP"|"HTTPS": port} objects gives no listener.
alb_listeners(r) := {[protocol, port] |
	some entry in _listen_ports(r)
	is_object(entry)
	some protocol, port in entry
}

_listen_ports(r) := json.unmarshal(alb_annotation(r, "listen-ports")) if {
	json.is_valid(alb_annotation(r, "listen-ports"))
	is_array(json.unmarshal(alb_annotation(r, "listen-ports")))
}

_listen_ports(r) := [{"HTTPS": 443}] if {
	alb_annotation(r, "listen-ports") == ""
	_present(alb_annotation(r, "certificate-arn"))
}

_listen_ports(r) := [{"HTTP": 80}] if {
	alb_annotation(r, "listen-ports") == ""
	not _present(alb_annotation(r, "certificate-arn"))
}

# METADATA
# description: Ports of the ALB's HTTPS listeners, as strings.
alb_https_ports(r) := {_port_text(port) | some [protocol, port] in alb_listeners(r); protocol == "HTTPS"}

# METADATA
# description: Ports of the ALB's plain HTTP listeners, as strings.
alb_http_ports(r) := {_port_text(port) | some [protocol, port] in alb_listeners(r); protocol == "HTTP"}

_port_text(port) := format_int(port, 10) if is_number(port)

_port_text(port) := port if is_string(port)

# METADATA
# description: >-
#   The hosts spec.tls gives a certificate secret for (controllers other than the ALB read the
#   secret; an entry without one serves no certificate).
tls_hosts(r) := {host |
	some tls in object.get(r.values, ["spec", "tls"], [])
	_present(object.get(tls, "secretName", null))
	some host in object.get(tls, "hosts", [])
}

# METADATA
# description: >-
#   A TLS host covers host: the same name, or a wildcard one label deep (RFC 6125 6.4.3):
#   *.example.com covers api.example.com, not example.com and not a.b.example.com.
covers(tls_host, host) if lower(tls_host) == lower(host)

covers(tls_host, host) if {
	startswith(tls_host, "*.")
	suffix := lower(substring(tls_host, 1, -1))
	endswith(lower(host), suffix)
	label := substring(lower(host), 0, count(host) - count(suffix))
	label != ""
	not contains(label, ".")
	not contains(label, "*")
}

# METADATA
# description: >-
#   The load balancer in front of the Ingress is internal to the VPC. Only the ALB's explicit
#   scheme annotation shows it; any other controller, or an ALB without the annotation (whose
#   default a controller flag can change), is treated as internet-facing.
internal(r) if {
	is_alb(r)
	alb_annotation(r, "scheme") == "internal"
}

# METADATA
# description: An annotation's value for a message, JSON-quoted, or "missing" when it is "".
shown(value) := "missing" if value == ""

shown(value) := json.marshal(value) if value != ""

_present(x) if {
	is_string(x)
	trim_space(x) != ""
}
