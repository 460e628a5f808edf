package ecolaura.supporting.argocd_namespace_order_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.argocd_namespace_order

_app(ns) := object.union(t.k8s({"apiVersion": "argoproj.io/v1alpha1", "kind": "Application", "metadata": {"name": "backend", "namespace": "argocd"}, "spec": {}}), {"facts": {"argoSync": {"wave": 1, "namespaces": [ns]}}})

_ns(by, order) := {"object": "Deployment/ecolaura/backend", "namespace": "ecolaura", "createdBy": by, "order": order}

test_earlier_same_sync_and_bootstrap_namespaces_pass if {
	count(argocd_namespace_order.deny) == 0 with input as t.doc([
		_app(_ns("Namespace object in Application platform", "earlier")),
		_app(_ns("CreateNamespace=true", "same-sync")),
		_app(_ns("bootstrap", "earlier")),
	])
}

test_a_namespace_created_later_is_a_violation if {
	some v in argocd_namespace_order.deny with input as t.doc([_app(_ns("Namespace object in Application scaling", "later"))])
	[v.policy, v.resource] == ["ECO-SUP-042", "Application/argocd/backend"]
	contains(v.message, "namespace ecolaura of Deployment/ecolaura/backend is created by the Namespace object in Application scaling only in a later wave")
}

test_a_namespace_nobody_creates_is_a_violation if {
	some v in argocd_namespace_order.deny with input as t.doc([_app(_ns(null, null))])
	contains(v.message, "is created by nothing")
}
