package ecolaura.https.eks_public_endpoint_test

import data.ecolaura.https.eks_public_endpoint
import data.ecolaura.lib.testing_test as t

_cluster(vpc_config) := t.tf("aws_eks_cluster", "main", {"name": "shop", "vpc_config": vpc_config})

test_private_endpoint_is_allowed if {
	count(eks_public_endpoint.deny) == 0 with input as t.doc([_cluster({"endpoint_private_access": true, "endpoint_public_access": false})])
}

# facts.publicAccessCidrsCoverInternet is computed by the normalizer (terraform-facts.ts).
_with_coverage(r, covers) := object.union(r, {"facts": {"publicAccessCidrsCoverInternet": covers}})

test_public_endpoint_restricted_to_office_is_allowed if {
	cluster := _with_coverage(_cluster([{"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24"]}]), false)
	count(eks_public_endpoint.deny) == 0 with input as t.doc([cluster])
}

test_public_endpoint_open_to_all_is_denied if {
	cluster := _with_coverage(_cluster({"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]}), true)
	t.found(eks_public_endpoint.deny) == {["ECO-TLS-006", "aws_eks_cluster.main"]} with input as t.doc([cluster])
}

test_public_endpoint_open_through_two_halves_is_denied if {
	cluster := _with_coverage(_cluster({"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/1", "128.0.0.0/1"]}), true)
	t.found(eks_public_endpoint.deny) == {["ECO-TLS-006", "aws_eks_cluster.main"]} with input as t.doc([cluster])
}

test_public_access_from_a_variable_is_denied if {
	cluster := _cluster({"endpoint_private_access": true, "endpoint_public_access": {"$unknown": "var.public"}})
	t.found(eks_public_endpoint.deny) == {["ECO-TLS-006", "aws_eks_cluster.main"]} with input as t.doc([cluster])
}

test_public_access_left_out_is_denied if {
	t.found(eks_public_endpoint.deny) == {["ECO-TLS-006", "aws_eks_cluster.main"]} with input as t.doc([_cluster({"subnet_ids": ["${aws_subnet.a.id}"]})])
}

test_cluster_without_vpc_config_is_denied if {
	t.found(eks_public_endpoint.deny) == {["ECO-TLS-006", "aws_eks_cluster.bare"]} with input as t.doc([t.tf("aws_eks_cluster", "bare", {"name": "bare"})])
}
