package ecolaura.supporting.network_acl_internet_ingress_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.network_acl_internet_ingress

_rule(values) := t.tf("aws_network_acl_rule", "r", object.union(
	{"network_acl_id": "${aws_network_acl.public.id}", "rule_number": 100, "rule_action": "allow", "egress": false},
	values,
))

test_https_from_internet_is_allowed if {
	count(network_acl_internet_ingress.deny) == 0 with input as t.doc([_rule({"protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 443, "to_port": 443})])
}

test_ephemeral_ranges_around_3389_are_allowed if {
	count(network_acl_internet_ingress.deny) == 0 with input as t.doc([
		_rule({"protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 1024, "to_port": 3388}),
		_rule({"protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 3390, "to_port": 65535}),
	])
}

test_all_protocols_from_internet_is_denied if {
	some v in network_acl_internet_ingress.deny with input as t.doc([_rule({"protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0})])
	[v.policy, v.resource] == ["ECO-SUP-021", "aws_network_acl_rule.r"]
	contains(v.message, "allows ingress from the internet on protocol -1, ports 0-0")
}

test_ephemeral_range_covering_rdp_is_denied if {
	t.found(network_acl_internet_ingress.deny) == {["ECO-SUP-021", "aws_network_acl_rule.r"]} with input as t.doc([_rule({"protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 1024, "to_port": 65535})])
}

test_ssh_from_ipv6_internet_is_denied if {
	t.found(network_acl_internet_ingress.deny) == {["ECO-SUP-021", "aws_network_acl_rule.r"]} with input as t.doc([_rule({"protocol": "tcp", "ipv6_cidr_block": "::/0", "from_port": 22, "to_port": 22})])
}

test_all_protocols_within_the_vpc_is_allowed if {
	count(network_acl_internet_ingress.deny) == 0 with input as t.doc([_rule({"protocol": "-1", "cidr_block": "10.0.3.0/24", "from_port": 0, "to_port": 0})])
}

test_egress_to_internet_is_not_this_policy if {
	count(network_acl_internet_ingress.deny) == 0 with input as t.doc([_rule({"egress": true, "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0})])
}

test_inline_ingress_block_is_checked if {
	acl := t.tf("aws_network_acl", "legacy", {"ingress": [{"protocol": "tcp", "rule_no": 100, "action": "allow", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 65535}]})
	t.found(network_acl_internet_ingress.deny) == {["ECO-SUP-021", "aws_network_acl.legacy"]} with input as t.doc([acl])
}
