package ecolaura.supporting.security_group_open_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.security_group_open

_rule(port, cidr) := t.tf("aws_vpc_security_group_ingress_rule", "in", {
	"security_group_id": "${aws_security_group.web.id}",
	"ip_protocol": "tcp", "from_port": port, "to_port": port, "cidr_ipv4": cidr,
})

_group := t.tf("aws_security_group", "web", {"name": "web", "vpc_id": "${aws_vpc.main.id}"})

_lb := t.tf("aws_lb", "web", {"load_balancer_type": "application", "security_groups": ["${aws_security_group.web.id}"]})

test_https_on_load_balancer_group_is_allowed if {
	count(security_group_open.deny) == 0 with input as t.doc([_group, _lb, _rule(443, "0.0.0.0/0")])
}

test_ssh_from_anywhere_is_denied if {
	some v in security_group_open.deny with input as t.doc([_group, _lb, _rule(22, "0.0.0.0/0")])
	[v.policy, v.resource] == ["ECO-SUP-002", "aws_vpc_security_group_ingress_rule.in"]
	contains(v.message, "ingress tcp 22-22 from 0.0.0.0/0 is open to the internet")
}

test_https_on_a_group_without_load_balancer_is_denied if {
	t.found(security_group_open.deny) == {["ECO-SUP-002", "aws_vpc_security_group_ingress_rule.in"]} with input as t.doc([_group, _rule(443, "0.0.0.0/0")])
}

test_inline_ingress_is_checked if {
	group := t.tf("aws_security_group", "nodes", {"ingress": [{"protocol": "tcp", "from_port": 0, "to_port": 65535, "cidr_blocks": ["0.0.0.0/0"]}]})
	t.found(security_group_open.deny) == {["ECO-SUP-002", "aws_security_group.nodes"]} with input as t.doc([group])
}

test_legacy_rule_with_ipv6_is_checked if {
	rule := t.tf("aws_security_group_rule", "rdp", {"type": "ingress", "protocol": "tcp", "from_port": 3389, "to_port": 3389, "ipv6_cidr_blocks": ["::/0"], "security_group_id": "${aws_security_group.web.id}"})
	t.found(security_group_open.deny) == {["ECO-SUP-002", "aws_security_group_rule.rdp"]} with input as t.doc([_group, rule])
}

test_vpc_source_is_allowed if {
	count(security_group_open.deny) == 0 with input as t.doc([_group, _rule(22, "10.0.0.0/16")])
}
