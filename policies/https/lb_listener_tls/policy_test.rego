package ecolaura.https.lb_listener_tls_test

import data.ecolaura.https.lb_listener_tls
import data.ecolaura.lib.testing_test as t

_listener(values) := t.tf("aws_lb_listener", "web", values)

test_https_with_tls13_policy_is_allowed if {
	count(lb_listener_tls.deny) == 0 with input as t.doc([_listener({
		"protocol": "HTTPS", "port": 443, "ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06",
		"default_action": {"type": "forward", "target_group_arn": "${aws_lb_target_group.web.arn}"},
	})])
}

test_http_redirect_to_https_is_allowed if {
	count(lb_listener_tls.deny) == 0 with input as t.doc([_listener({
		"protocol": "HTTP", "port": 80,
		"default_action": [{"type": "redirect", "redirect": [{"protocol": "HTTPS", "port": "443", "status_code": "HTTP_301"}]}],
	})])
}

test_http_forwarding_listener_is_denied if {
	t.found(lb_listener_tls.deny) == {["ECO-TLS-005", "aws_lb_listener.web"]} with input as t.doc([_listener({
		"protocol": "HTTP", "port": 80,
		"default_action": {"type": "forward", "target_group_arn": "${aws_lb_target_group.web.arn}"},
	})])
}

test_outdated_tls_policy_is_denied if {
	some v in lb_listener_tls.deny with input as t.doc([_listener({"protocol": "HTTPS", "port": 443, "ssl_policy": "ELBSecurityPolicy-2016-08"})])
	[v.policy, v.resource] == ["ECO-TLS-005", "aws_lb_listener.web"]
	contains(v.message, "ssl_policy is \"ELBSecurityPolicy-2016-08\"")
}

test_https_without_policy_is_denied if {
	t.found(lb_listener_tls.deny) == {["ECO-TLS-005", "aws_lb_listener.web"]} with input as t.doc([_listener({"protocol": "HTTPS", "port": 443})])
}

test_gateway_load_balancer_listener_without_protocol_is_allowed if {
	gwlb := t.tf("aws_lb", "inspection", {"load_balancer_type": "gateway", "subnets": ["${aws_subnet.a.id}"]})
	listener := _listener({"load_balancer_arn": "${aws_lb.inspection.arn}", "default_action": {"type": "forward", "target_group_arn": "${aws_lb_target_group.appliances.arn}"}})
	count(lb_listener_tls.deny) == 0 with input as t.doc([gwlb, listener])
}

test_listener_without_protocol_on_an_application_load_balancer_is_denied if {
	alb := t.tf("aws_lb", "inspection", {"load_balancer_type": "application"})
	listener := _listener({"load_balancer_arn": "${aws_lb.inspection.arn}", "default_action": {"type": "forward", "target_group_arn": "${aws_lb_target_group.web.arn}"}})
	some v in lb_listener_tls.deny with input as t.doc([alb, listener])
	[v.policy, v.resource] == ["ECO-TLS-005", "aws_lb_listener.web"]
	contains(v.message, "protocol is HTTP (default)")
}

test_protocol_unknown_until_apply_counts_as_http if {
	listener := _listener({"protocol": {"$unknown": "var.protocol"}, "default_action": {"type": "forward", "target_group_arn": "${aws_lb_target_group.web.arn}"}})
	some v in lb_listener_tls.deny with input as t.doc([listener])
	[v.policy, v.resource] == ["ECO-TLS-005", "aws_lb_listener.web"]
	contains(v.message, "protocol is unknown until apply (var.protocol)")
}
