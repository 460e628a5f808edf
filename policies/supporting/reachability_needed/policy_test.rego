package ecolaura.supporting.reachability_needed_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.reachability_needed

_entry(expectation, verdict) := {
	"flow": "nodes-https-out",
	"expectation": expectation,
	"layer": "network-acl",
	"verdict": verdict,
	"rule": "aws_network_acl.private",
	"detail": "aws_network_acl.private ingress: no rule admits tcp 32768, the default rule (*) denies",
}

_acl(entries) := object.union(t.tf("aws_network_acl", "private", {}), {"facts": {"reachability": entries}})

test_needed_flow_allowed_at_every_layer_passes if {
	count(reachability_needed.deny) == 0 with input as t.doc([_acl([_entry("needed", "allowed")])])
}

test_layer_a_needed_flow_does_not_cross_is_not_judged if {
	count(reachability_needed.deny) == 0 with input as t.doc([_acl([_entry("needed", "not-applicable")])])
}

test_needed_flow_blocked_is_denied_at_the_blocking_rule if {
	some v in reachability_needed.deny with input as t.doc([_acl([_entry("needed", "blocked")])])
	[v.policy, v.resource] == ["ECO-SUP-050", "aws_network_acl.private"]
	contains(v.message, "needed flow nodes-https-out is blocked at the network-acl layer by aws_network_acl.private")
}

test_blocked_forbidden_flow_is_left_to_eco_sup_051 if {
	count(reachability_needed.deny) == 0 with input as t.doc([_acl([_entry("forbidden", "blocked")])])
}

test_resource_without_reachability_facts_is_not_judged if {
	count(reachability_needed.deny) == 0 with input as t.doc([t.tf("aws_network_acl", "private", {})])
}
