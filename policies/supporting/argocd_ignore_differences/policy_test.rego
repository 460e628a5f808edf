package ecolaura.supporting.argocd_ignore_differences_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.argocd_ignore_differences

_app(status) := object.union(t.k8s({"apiVersion": "argoproj.io/v1alpha1", "kind": "Application", "metadata": {"name": "backend", "namespace": "argocd"}, "spec": {}}), {"facts": {"argoSync": {"ignoreDifferences": [{"entry": "spec.ignoreDifferences[0]", "target": "apps/Deployment ecolaura backend", "path": "/spec/replicas", "status": status}]}}})

test_present_and_chart_rendered_paths_pass if {
	count(argocd_ignore_differences.deny) == 0 with input as t.doc([_app("present"), _app("chart-rendered")])
}

test_a_missing_path_is_a_violation if {
	some v in argocd_ignore_differences.deny with input as t.doc([_app("missing")])
	[v.policy, v.resource] == ["ECO-SUP-043", "Application/argocd/backend"]
	contains(v.message, "spec.ignoreDifferences[0] (apps/Deployment ecolaura backend /spec/replicas): the path does not exist")
}

test_an_entry_matching_no_object_is_a_violation if {
	some v in argocd_ignore_differences.deny with input as t.doc([_app("no-object")])
	contains(v.message, "no object of the Application matches it")
}

test_an_unparsed_jq_path_is_a_violation if {
	some v in argocd_ignore_differences.deny with input as t.doc([_app("unparsed")])
	contains(v.message, "beyond the paths")
}
