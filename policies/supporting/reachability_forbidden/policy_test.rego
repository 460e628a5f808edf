package ecolaura.supporting.reachability_forbidden_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.reachability_forbidden

_entry(expectation, verdict) := {
	"flow": "public-tier-to-database",
	"expectation": expectation,
	"layer": "security-group",
	"verdict": verdict,
	"rule": "aws_vpc_security_group_ingress_rule.database_from_vpc",
	"detail": "aws_vpc_security_group_ingress_rule.database_from_vpc ingress admits tcp 5432",
}

_rule(entries) := object.union(
	t.tf("aws_vpc_security_group_ingress_rule", "database_from_vpc", {"cidr_ipv4": "10.0.0.0/16"}),
	{"facts": {"reachability": entries}},
)

test_forbidden_flow_refused_passes if {
	count(reachability_forbidden.deny) == 0 with input as t.doc([_rule([_entry("forbidden", "blocked")])])
}

test_forbidden_flow_admitted_is_denied_at_the_admitting_rule if {
	t.found(reachability_forbidden.deny) == {["ECO-SUP-051", "aws_vpc_security_group_ingress_rule.database_from_vpc"]} with input as t.doc([_rule([_entry("forbidden", "allowed")])])
}

test_message_names_flow_layer_and_rule if {
	some v in reachability_forbidden.deny with input as t.doc([_rule([_entry("forbidden", "allowed")])])
	contains(v.message, "forbidden flow public-tier-to-database is admitted at the security-group layer by aws_vpc_security_group_ingress_rule.database_from_vpc")
}

test_allowed_needed_flow_is_not_judged_here if {
	count(reachability_forbidden.deny) == 0 with input as t.doc([_rule([_entry("needed", "allowed")])])
}

test_network_policy_admitting_an_undeclared_namespace_is_denied if {
	policy := object.union(
		t.k8s({"apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": {"name": "allow-all", "namespace": "ecolaura"}}),
		{"facts": {"reachability": [{"flow": "undeclared-namespace-to-ecolaura", "expectation": "forbidden", "layer": "network-policy", "verdict": "allowed", "rule": "NetworkPolicy/ecolaura/allow-all", "detail": "x"}]}},
	)
	t.found(reachability_forbidden.deny) == {["ECO-SUP-051", "NetworkPolicy/ecolaura/allow-all"]} with input as t.doc([policy])
}
