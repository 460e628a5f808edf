package ecolaura.sustainability.single_nat_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.sustainability.single_nat

_nat(name, env) := t.tf_in("aws_nat_gateway", name, {"subnet_id": "${aws_subnet.public_a.id}"}, env, "eu-west-1")

test_one_nat_in_dev_is_allowed if {
	count(single_nat.deny) == 0 with input as t.doc([_nat("a", "dev")])
}

test_second_nat_in_dev_is_denied if {
	some v in single_nat.deny with input as t.doc([_nat("a", "dev"), _nat("b", "dev")])
	[v.policy, v.resource] == ["ECO-GRN-002", "aws_nat_gateway.b"]
	contains(v.message, "dev already has NAT gateway aws_nat_gateway.a")
}

test_two_nats_in_prod_are_allowed if {
	count(single_nat.deny) == 0 with input as t.doc([_nat("a", "prod"), _nat("b", "prod")])
}

test_second_nat_in_any_declared_environment_but_prod_is_denied if {
	# A fourth environment declared in the model reaches the policies through the vocabulary.
	some v in single_nat.deny with input as t.doc([_nat("a", "qa"), _nat("b", "qa")])
		with data.ecolaura.vocabulary.environments as ["dev", "staging", "prod", "qa"]
	[v.policy, v.resource] == ["ECO-GRN-002", "aws_nat_gateway.b"]
}
