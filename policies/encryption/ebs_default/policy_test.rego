package ecolaura.encryption.ebs_default_test

import data.ecolaura.encryption.ebs_default
import data.ecolaura.lib.testing_test as t

_nodes := t.tf("aws_eks_node_group", "general", {"instance_types": ["m7g.large"]})

test_stack_with_default_encryption_is_allowed if {
	count(ebs_default.deny) == 0 with input as t.doc([_nodes, t.tf("aws_ebs_encryption_by_default", "ebs", {"enabled": true})])
}

test_stack_without_default_encryption_is_denied if {
	t.found(ebs_default.deny) == {["ECO-ENC-009", "aws_eks_node_group.general"]} with input as t.doc([_nodes])
}

test_disabled_default_encryption_is_denied if {
	t.found(ebs_default.deny) == {
		["ECO-ENC-009", "aws_ebs_encryption_by_default.ebs"],
		["ECO-ENC-009", "aws_eks_node_group.general"],
	} with input as t.doc([_nodes, t.tf("aws_ebs_encryption_by_default", "ebs", {"enabled": false})])
}

test_setting_of_another_stack_does_not_count if {
	other := t.tf_in("aws_ebs_encryption_by_default", "ebs", {"enabled": true}, "dev", "eu-west-1")
	t.found(ebs_default.deny) == {["ECO-ENC-009", "aws_eks_node_group.general"]} with input as t.doc([_nodes, other])
}

test_default_encryption_on_another_region_alias_does_not_cover_the_nodes if {
	# aws_ebs_encryption_by_default on provider aws.us (us-east-1): the eu-west-1 nodes stay uncovered.
	elsewhere := t.tf_in("aws_ebs_encryption_by_default", "us", {"enabled": true, "provider": "aws.us"}, "prod", "us-east-1")
	t.found(ebs_default.deny) == {["ECO-ENC-009", "aws_eks_node_group.general"]} with input as t.doc([_nodes, elsewhere])
}
