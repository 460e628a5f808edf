package ecolaura.supporting.vpc_flow_logs_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.vpc_flow_logs

_vpc := t.tf("aws_vpc", "main", {"cidr_block": "10.0.0.0/16"})

test_vpc_with_flow_log_is_allowed if {
	log := t.tf("aws_flow_log", "main", {"vpc_id": "${aws_vpc.main.id}", "traffic_type": "ALL"})
	count(vpc_flow_logs.deny) == 0 with input as t.doc([_vpc, log])
}

test_vpc_without_flow_log_is_denied if {
	some v in vpc_flow_logs.deny with input as t.doc([_vpc])
	[v.policy, v.resource] == ["ECO-SUP-010", "aws_vpc.main"]
	contains(v.message, "no aws_flow_log with traffic_type ALL names this VPC")
}

test_flow_log_of_rejected_traffic_only_is_denied if {
	log := t.tf("aws_flow_log", "main", {"vpc_id": "${aws_vpc.main.id}", "traffic_type": "REJECT"})
	t.found(vpc_flow_logs.deny) == {["ECO-SUP-010", "aws_vpc.main"]} with input as t.doc([_vpc, log])
}

test_flow_log_of_another_vpc_does_not_count if {
	other := t.tf("aws_vpc", "other", {"cidr_block": "10.1.0.0/16"})
	log := t.tf("aws_flow_log", "other", {"vpc_id": "${aws_vpc.other.id}", "traffic_type": "ALL"})
	t.found(vpc_flow_logs.deny) == {["ECO-SUP-010", "aws_vpc.main"]} with input as t.doc([_vpc, other, log])
}
