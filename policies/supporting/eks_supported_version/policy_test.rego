package ecolaura.supporting.eks_supported_version_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.eks_supported_version

_cluster(values, lifecycle) := object.union(
	t.tf("aws_eks_cluster", "eks", object.union({"name": "ecolaura-prod"}, values)),
	{"facts": {"lifecycle": lifecycle}},
)

_supported := {"subject": "eks", "status": "supported", "end": "2027-03-27"}

_ended := {"subject": "eks", "status": "ended", "end": "2024-11-26"}

test_cluster_in_standard_support_is_allowed if {
	count(eks_supported_version.deny) == 0 with input as t.doc([_cluster({"version": "1.35"}, _supported)])
}

test_cluster_within_90_days_of_its_end_is_allowed if {
	ending := object.union(_supported, {"status": "ending"})
	count(eks_supported_version.deny) == 0 with input as t.doc([_cluster({"version": "1.35"}, ending)])
}

test_cluster_past_standard_support_is_denied if {
	some v in eks_supported_version.deny with input as t.doc([_cluster({"version": "1.28"}, _ended)])
	[v.policy, v.resource] == ["ECO-SUP-020", "aws_eks_cluster.eks"]
	contains(v.message, `version is "1.28", not a Kubernetes minor in EKS standard support (its standard support ended on 2024-11-26)`)
}

test_minor_missing_from_the_calendar_is_denied if {
	unlisted := {"subject": "eks", "status": "unlisted", "end": null}
	some v in eks_supported_version.deny with input as t.doc([_cluster({"version": "1.99"}, unlisted)])
	contains(v.message, "environments/support-calendar.ts has no date for it")
}

test_cluster_without_lifecycle_fact_is_denied if {
	r := t.tf("aws_eks_cluster", "eks", {"name": "ecolaura-prod", "version": "1.35"})
	t.found(eks_supported_version.deny) == {["ECO-SUP-020", "aws_eks_cluster.eks"]} with input as t.doc([r])
}

test_cluster_without_version_is_denied if {
	some v in eks_supported_version.deny with input as t.doc([t.tf("aws_eks_cluster", "eks", {"name": "ecolaura-prod"})])
	[v.policy, v.resource] == ["ECO-SUP-020", "aws_eks_cluster.eks"]
	contains(v.message, "version is missing")
}

test_numeric_version_is_denied if {
	t.found(eks_supported_version.deny) == {["ECO-SUP-020", "aws_eks_cluster.eks"]} with input as t.doc([_cluster({"version": 1.35}, _supported)])
}
