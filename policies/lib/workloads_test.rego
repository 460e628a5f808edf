package ecolaura.lib.workloads_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.lib.workloads
import data.ecolaura.supporting.image_pinned

_pod_spec := {"containers": [{"name": "web", "image": "nginx:latest"}]}

_rc := t.k8s({"apiVersion": "v1", "kind": "ReplicationController", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"template": {"spec": _pod_spec}}})

_rollout := t.k8s({"apiVersion": "argoproj.io/v1alpha1", "kind": "Rollout", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"template": {"spec": _pod_spec}}})

_pod_template := t.k8s({"apiVersion": "v1", "kind": "PodTemplate", "metadata": {"name": "web", "namespace": "shop"}, "template": {"spec": _pod_spec}})

test_replication_controller_is_a_workload if {
	# Before, only a fixed list of kinds was inspected: a ReplicationController carried any pod unseen.
	t.found(image_pinned.deny) == {["ECO-SUP-005", "ReplicationController/shop/web"]} with input as t.doc([_rc])
}

test_a_custom_kind_with_a_pod_template_is_a_workload if {
	t.found(image_pinned.deny) == {["ECO-SUP-005", "Rollout/shop/web"]} with input as t.doc([_rollout])
}

test_pod_template_kind_is_a_workload if {
	[c.path | some c in workloads.containers(_pod_template)] == ["template.spec.containers[web]"]
	t.found(image_pinned.deny) == {["ECO-SUP-005", "PodTemplate/shop/web"]} with input as t.doc([_pod_template])
}

test_objects_without_a_pod_template_are_not_workloads if {
	cm := t.k8s({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "x", "namespace": "shop"}, "data": {"spec": "template"}})
	count(workloads.objects) == 0 with input as t.doc([cm])
}
