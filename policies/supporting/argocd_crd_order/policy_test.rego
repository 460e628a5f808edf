package ecolaura.supporting.argocd_crd_order_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.argocd_crd_order

_app(wave, crs) := object.union(t.k8s({"apiVersion": "argoproj.io/v1alpha1", "kind": "Application", "metadata": {"name": "logging", "namespace": "argocd"}, "spec": {}}), {"facts": {"argoSync": {"wave": wave, "customResources": crs}}})

_cr(by, wave) := {"object": "Elasticsearch/logging/logs", "group": "elasticsearch.k8s.elastic.co", "kind": "Elasticsearch", "installedBy": by, "installedWave": wave}

test_a_crd_from_an_earlier_wave_passes if {
	count(argocd_crd_order.deny) == 0 with input as t.doc([_app(0, [_cr("eck-operator", -2)])])
}

test_bootstrap_crds_pass if {
	count(argocd_crd_order.deny) == 0 with input as t.doc([_app(-4, [_cr("bootstrap", null)])])
}

test_a_crd_in_the_same_wave_is_too_late if {
	some v in argocd_crd_order.deny with input as t.doc([_app(-2, [_cr("eck-operator", -2)])])
	[v.policy, v.resource] == ["ECO-SUP-041", "Application/argocd/logging"]
	contains(v.message, "syncs Elasticsearch/logging/logs in wave -2, but the CRD of Elasticsearch (elasticsearch.k8s.elastic.co) comes with Application eck-operator in wave -2")
}

test_a_crd_nobody_installs_is_a_violation if {
	some v in argocd_crd_order.deny with input as t.doc([_app(0, [_cr(null, null)])])
	contains(v.message, "no Application installs the CRD of Elasticsearch")
}
