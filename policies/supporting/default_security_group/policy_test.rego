package ecolaura.supporting.default_security_group_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.default_security_group

_vpc := t.tf("aws_vpc", "main", {"cidr_block": "10.0.0.0/16"})

test_locked_down_default_group_is_allowed if {
	group := t.tf("aws_default_security_group", "main", {"vpc_id": "${aws_vpc.main.id}", "ingress": [], "egress": []})
	count(default_security_group.deny) == 0 with input as t.doc([_vpc, group])
}

test_vpc_without_default_group_is_denied if {
	some v in default_security_group.deny with input as t.doc([_vpc])
	[v.policy, v.resource] == ["ECO-SUP-011", "aws_vpc.main"]
	contains(v.message, "no aws_default_security_group names this VPC")
}

test_default_group_with_egress_is_denied if {
	group := t.tf("aws_default_security_group", "main", {"vpc_id": "${aws_vpc.main.id}", "ingress": [], "egress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}]})
	some v in default_security_group.deny with input as t.doc([_vpc, group])
	[v.policy, v.resource] == ["ECO-SUP-011", "aws_default_security_group.main"]
	contains(v.message, "declares egress rules")
}

test_default_group_with_dynamic_ingress_is_denied if {
	group := t.tf("aws_default_security_group", "main", {"vpc_id": "${aws_vpc.main.id}", "ingress": {"$unknown": "dynamic \"ingress\""}, "egress": []})
	t.found(default_security_group.deny) == {["ECO-SUP-011", "aws_default_security_group.main"]} with input as t.doc([_vpc, group])
}
