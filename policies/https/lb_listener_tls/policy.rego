# METADATA
# title: Load balancer listeners use HTTPS with TLS 1.2 or newer
# description: >-
#   Every ALB/NLB listener (when the stack has any) must be HTTPS or TLS with a security policy
#   allowing only TLS 1.2 and newer; a plain HTTP listener is allowed only when its default
#   action does nothing but redirect to HTTPS. A protocol left out, or unknown until apply,
#   counts as AWS's default HTTP, except on a Gateway Load Balancer's listener, which takes no
#   protocol (GENEVE is implied) and carries no HTTP.
# custom:
#   id: ECO-TLS-005
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - AWS FSBP ELB.1
#   equivalents:
#     - Checkov CKV_AWS_2
#     - Checkov CKV_AWS_103
#     - Trivy AVD-AWS-0054
#     - Trivy AVD-AWS-0047
#   remediation: >-
#     Use protocol HTTPS (or TLS) with ssl_policy ELBSecurityPolicy-TLS13-1-2-2021-06 (or another
#     TLS 1.2+ policy), and make a port 80 listener a redirect to HTTPS (status HTTP_301).
package ecolaura.https.lb_listener_tls

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_listener_types := {"aws_lb_listener", "aws_alb_listener"}

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in resources.terraform(_listener_types)
	resources.value(r.values, "protocol", "HTTP") in {"HTTP", "TCP", "UDP", "TCP_UDP"}
	not _redirects_to_https(r)
	not _gateway_listener(r)
	detail := sprintf("protocol is %s and the listener does not only redirect to HTTPS", [_protocol(r)])
}

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in resources.terraform(_listener_types)
	r.values.protocol in {"HTTPS", "TLS"}
	not _modern_policy(object.get(r.values, "ssl_policy", ""))
	detail := sprintf("ssl_policy is %s, which is not a TLS 1.2+ policy", [resources.show(r.values, "ssl_policy")])
}

_redirects_to_https(r) if {
	actions := resources.blocks(r, "default_action")
	count(actions) > 0
	every action in actions {
		action.type == "redirect"
		some redirect in resources.as_list(object.get(action, "redirect", []))
		redirect.protocol == "HTTPS"
	}
}

# TLS 1.3 policies and the "-1-2-" family accept only TLS 1.2 and newer.
_modern_policy(name) if startswith(name, "ELBSecurityPolicy-TLS13-")

_modern_policy(name) if {
	startswith(name, "ELBSecurityPolicy-")
	contains(name, "-1-2-")
}

_protocol(r) := r.values.protocol if is_string(r.values.protocol)

_protocol(r) := "HTTP (default)" if {
	not is_string(object.get(r.values, "protocol", null))
	not resources.unknown(object.get(r.values, "protocol", null))
}

_protocol(r) := resources.show(r.values, "protocol") if resources.unknown(r.values.protocol)

# A GWLB listener has no protocol; it is recognised by the load balancer it attaches to.
# https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/gateway-listeners.html
_gateway_listener(r) if {
	not resources.present(object.get(r.values, "protocol", null))
	some lb in resources.linked(r, resources.terraform({"aws_lb"}), "load_balancer_arn", "arn")
	lb.values.load_balancer_type == "gateway"
}
