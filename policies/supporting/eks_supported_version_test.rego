package ecolaura.supporting.eks_supported_version_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.eks_supported_version

_cluster(values) := t.tf("aws_eks_cluster", "eks", object.union({"name": "ecolaura-prod"}, values))

test_cluster_on_1_35_is_allowed if {
	count(eks_supported_version.deny) == 0 with input as t.doc([_cluster({"version": "1.35"})])
}

test_cluster_on_1_28_is_denied if {
	some v in eks_supported_version.deny with input as t.doc([_cluster({"version": "1.28"})])
	[v.policy, v.resource] == ["ECO-SUP-020", "aws_eks_cluster.eks"]
	contains(v.message, `version is "1.28", not a Kubernetes minor in EKS standard support (1.35, 1.36)`)
}

test_cluster_on_1_34_after_its_standard_support_is_denied if {
	t.found(eks_supported_version.deny) == {["ECO-SUP-020", "aws_eks_cluster.eks"]} with input as t.doc([_cluster({"version": "1.34"})])
}

test_cluster_without_version_is_denied if {
	some v in eks_supported_version.deny with input as t.doc([_cluster({})])
	[v.policy, v.resource] == ["ECO-SUP-020", "aws_eks_cluster.eks"]
	contains(v.message, "version is missing")
}

test_numeric_version_is_denied if {
	t.found(eks_supported_version.deny) == {["ECO-SUP-020", "aws_eks_cluster.eks"]} with input as t.doc([_cluster({"version": 1.35})])
}
