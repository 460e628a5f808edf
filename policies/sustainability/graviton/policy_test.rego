package ecolaura.sustainability.graviton_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.sustainability.graviton

test_graviton_nodes_and_database_are_allowed if {
	count(graviton.deny) == 0 with input as t.doc([
		t.tf("aws_eks_node_group", "general", {"instance_types": ["m7g.xlarge", "c7gn.large"]}),
		t.tf("aws_db_instance", "db", {"instance_class": "db.r7g.large"}),
	])
}

test_x86_node_type_is_denied if {
	some v in graviton.deny with input as t.doc([t.tf("aws_eks_node_group", "general", {"instance_types": ["m7g.xlarge", "m5.xlarge"]})])
	[v.policy, v.severity, v.resource] == ["ECO-GRN-001", "low", "aws_eks_node_group.general"]
	contains(v.message, "instance_types m5.xlarge is not a Graviton family")
}

test_x86_database_is_denied if {
	t.found(graviton.deny) == {["ECO-GRN-001", "aws_db_instance.db"]} with input as t.doc([t.tf("aws_db_instance", "db", {"instance_class": "db.m5.large"})])
}
