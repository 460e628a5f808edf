package ecolaura.supporting.argocd_project_permits_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.argocd_project_permits

_app(sync) := object.union(t.k8s({"apiVersion": "argoproj.io/v1alpha1", "kind": "Application", "metadata": {"name": "logging", "namespace": "argocd"}, "spec": {}}), {"facts": {"argoSync": sync}})

_sync := {
	"wave": 0, "project": "ecolaura", "projectDefined": true, "unrecordedChart": null,
	"repos": [{"url": "https://github.com/ecolaura/platform.git", "allowed": true}],
	"destination": {"namespace": "logging", "allowed": true},
	"kinds": [{"group": "rbac.authorization.k8s.io", "kind": "ClusterRole", "namespaced": false, "object": "ClusterRole/filebeat", "allowed": true}],
	"customResources": [], "namespaces": [], "ignoreDifferences": [],
}

test_a_project_permitting_everything_passes if {
	count(argocd_project_permits.deny) == 0 with input as t.doc([_app(_sync)])
}

test_a_forbidden_kind_is_named if {
	sync := object.union(_sync, {"kinds": [object.union(_sync.kinds[0], {"allowed": false})]})
	some v in argocd_project_permits.deny with input as t.doc([_app(sync)])
	[v.policy, v.resource] == ["ECO-SUP-040", "Application/argocd/logging"]
	contains(v.message, "AppProject ecolaura forbids kind ClusterRole (rbac.authorization.k8s.io, cluster-scoped) of ClusterRole/filebeat")
}

test_a_forbidden_repo_and_destination_are_named if {
	sync := object.union(_sync, {"repos": [{"url": "https://example.org/x.git", "allowed": false}], "destination": {"namespace": "kube-system", "allowed": false}})
	messages := {v.message | some v in argocd_project_permits.deny} with input as t.doc([_app(sync)])
	count(messages) == 2
	some m1 in messages
	contains(m1, "does not list source repository https://example.org/x.git")
	some m2 in messages
	contains(m2, "does not list destination namespace kube-system")
}

test_a_missing_project_is_a_violation if {
	some v in argocd_project_permits.deny with input as t.doc([_app(object.union(_sync, {"projectDefined": false}))])
	contains(v.message, "is not defined")
}

test_an_unrecorded_chart_is_a_violation if {
	some v in argocd_project_permits.deny with input as t.doc([_app(object.union(_sync, {"unrecordedChart": "new-chart"}))])
	contains(v.message, "chart new-chart is not recorded")
}
