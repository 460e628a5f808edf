package ecolaura.supporting.eks_control_plane_logs_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.eks_control_plane_logs

test_all_log_types_are_allowed if {
	count(eks_control_plane_logs.deny) == 0 with input as t.doc([t.tf("aws_eks_cluster", "main", {"enabled_cluster_log_types": ["api", "audit", "authenticator", "controllerManager", "scheduler"]})])
}

test_missing_audit_log_is_denied if {
	some v in eks_control_plane_logs.deny with input as t.doc([t.tf("aws_eks_cluster", "main", {"enabled_cluster_log_types": ["api", "controllerManager", "scheduler"]})])
	[v.policy, v.resource] == ["ECO-SUP-009", "aws_eks_cluster.main"]
	contains(v.message, "enabled_cluster_log_types lacks audit, authenticator")
}

test_no_logging_is_denied if {
	t.found(eks_control_plane_logs.deny) == {["ECO-SUP-009", "aws_eks_cluster.main"]} with input as t.doc([t.tf("aws_eks_cluster", "main", {"name": "shop"})])
}
