package ecolaura.supporting.security_group_open_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.security_group_open

# The normalizer (scripts/gate/terraform-facts.ts) computes facts.internetIngress; these tests
# give it directly, as the gate would after unioning the group's rules.
_open(protocol, from, to, family, rules) := {"protocol": protocol, "fromPort": from, "toPort": to, "family": family, "rules": rules}

_group(opens) := object.union(t.tf("aws_security_group", "web", {"name": "web", "vpc_id": "${aws_vpc.main.id}"}), {"facts": {"internetIngress": opens}})

_lb := t.tf("aws_lb", "web", {"load_balancer_type": "application", "security_groups": ["${aws_security_group.web.id}"]})

test_https_on_load_balancer_group_is_allowed if {
	count(security_group_open.deny) == 0 with input as t.doc([_group([_open("tcp", 443, 443, "ipv4", ["aws_vpc_security_group_ingress_rule.in"])]), _lb])
}

test_ssh_from_anywhere_is_denied_on_the_group if {
	some v in security_group_open.deny with input as t.doc([_group([_open("tcp", 22, 22, "ipv4", ["aws_vpc_security_group_ingress_rule.in"])]), _lb])
	[v.policy, v.resource] == ["ECO-SUP-002", "aws_security_group.web"]
	contains(v.message, "ingress tcp 22-22 is open to the whole ipv4 internet through aws_vpc_security_group_ingress_rule.in")
}

test_https_on_a_group_without_load_balancer_is_denied if {
	t.found(security_group_open.deny) == {["ECO-SUP-002", "aws_security_group.web"]} with input as t.doc([_group([_open("tcp", 443, 443, "ipv6", ["ingress[0]"])])])
}

test_all_protocols_on_a_load_balancer_group_are_denied if {
	t.found(security_group_open.deny) == {["ECO-SUP-002", "aws_security_group.web"]} with input as t.doc([_group([_open("all", 0, 65535, "ipv4", ["ingress[0]"])]), _lb])
}

test_a_port_range_spanning_https_is_denied_on_a_load_balancer_group if {
	t.found(security_group_open.deny) == {["ECO-SUP-002", "aws_security_group.web"]} with input as t.doc([_group([_open("tcp", 443, 444, "ipv4", ["ingress[0]"])]), _lb])
}

test_rule_on_an_undeclared_group_is_judged_on_its_own if {
	rule := object.union(t.tf("aws_vpc_security_group_ingress_rule", "in", {"security_group_id": "sg-0123", "ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "0.0.0.0/0"}), {"facts": {"internetIngress": [_open("tcp", 22, 22, "ipv4", ["aws_vpc_security_group_ingress_rule.in"])]}})
	t.found(security_group_open.deny) == {["ECO-SUP-002", "aws_vpc_security_group_ingress_rule.in"]} with input as t.doc([rule])
}

test_group_without_internet_ingress_is_allowed if {
	count(security_group_open.deny) == 0 with input as t.doc([_group([])])
}
