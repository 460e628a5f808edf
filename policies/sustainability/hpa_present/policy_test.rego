package ecolaura.sustainability.hpa_present_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.sustainability.hpa_present

_deployment := t.k8s({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}, "spec": {}})

_named_deployment(name) := t.k8s({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": name, "namespace": "shop"}, "spec": {}})

_hpa(namespace, name) := _hpa_of(namespace, "Deployment", name)

_hpa_of(namespace, kind, name) := t.k8s({"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler", "metadata": {"name": name, "namespace": namespace}, "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": kind, "name": name}, "minReplicas": 1, "maxReplicas": 3}})

test_scaled_deployment_is_allowed if {
	count(hpa_present.deny) == 0 with input as t.doc([_deployment, _hpa("shop", "web")])
}

test_unscaled_deployment_is_denied if {
	t.found(hpa_present.deny) == {["ECO-GRN-003", "Deployment/shop/web"]} with input as t.doc([_deployment])
}

test_hpa_in_another_namespace_does_not_count if {
	t.found(hpa_present.deny) == {["ECO-GRN-003", "Deployment/shop/web"]} with input as t.doc([_deployment, _hpa("other", "web")])
}

test_lookup_finds_the_hpa_of_one_deployment_and_flags_the_other if {
	t.found(hpa_present.deny) == {["ECO-GRN-003", "Deployment/shop/api"]} with input as t.doc([_named_deployment("web"), _named_deployment("api"), _hpa("shop", "web")])
}

test_hpa_targeting_another_kind_of_the_same_name_does_not_count if {
	t.found(hpa_present.deny) == {["ECO-GRN-003", "Deployment/shop/web"]} with input as t.doc([_deployment, _hpa_of("shop", "StatefulSet", "web")])
}
