package ecolaura.supporting.argocd_prod_manual_sync_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.argocd_prod_manual_sync

_app(env, sync_policy) := object.union(t.k8s({"apiVersion": "argoproj.io/v1alpha1", "kind": "Application", "metadata": {"name": "backend", "namespace": "argocd"}, "spec": {"syncPolicy": sync_policy}}), {"environment": env, "facts": {"argoSync": {"wave": 1}}})

test_a_manual_prod_application_passes if {
	count(argocd_prod_manual_sync.deny) == 0 with input as t.doc([_app("prod", {"syncOptions": ["ServerSideApply=true"]})])
}

test_automated_sync_is_fine_outside_prod if {
	count(argocd_prod_manual_sync.deny) == 0 with input as t.doc([_app("dev", {"automated": {"prune": true}})])
}

test_automated_sync_in_prod_is_a_violation if {
	some v in argocd_prod_manual_sync.deny with input as t.doc([_app("prod", {"automated": {}})])
	[v.policy, v.resource] == ["ECO-SUP-044", "Application/argocd/backend"]
	contains(v.message, "syncs prod without a person")
}
