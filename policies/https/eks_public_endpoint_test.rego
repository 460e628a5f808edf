package ecolaura.https.eks_public_endpoint_test

import data.ecolaura.https.eks_public_endpoint
import data.ecolaura.lib.testing_test as t

_cluster(vpc_config) := t.tf("aws_eks_cluster", "main", {"name": "shop", "vpc_config": vpc_config})

test_private_endpoint_is_allowed if {
	count(eks_public_endpoint.deny) == 0 with input as t.doc([_cluster({"endpoint_private_access": true, "endpoint_public_access": false})])
}

test_public_endpoint_restricted_to_office_is_allowed if {
	count(eks_public_endpoint.deny) == 0 with input as t.doc([_cluster([{"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24"]}])])
}

test_public_endpoint_open_to_all_is_denied if {
	t.found(eks_public_endpoint.deny) == {["ECO-TLS-006", "aws_eks_cluster.main"]} with input as t.doc([_cluster({"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]})])
}

test_public_access_left_out_is_denied if {
	t.found(eks_public_endpoint.deny) == {["ECO-TLS-006", "aws_eks_cluster.main"]} with input as t.doc([_cluster({"subnet_ids": ["${aws_subnet.a.id}"]})])
}

test_cluster_without_vpc_config_is_denied if {
	t.found(eks_public_endpoint.deny) == {["ECO-TLS-006", "aws_eks_cluster.bare"]} with input as t.doc([t.tf("aws_eks_cluster", "bare", {"name": "bare"})])
}
