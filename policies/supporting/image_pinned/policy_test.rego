package ecolaura.supporting.image_pinned_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.image_pinned

_pod(images) := t.k8s({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"containers": [{"name": sprintf("c%d", [i]), "image": image} | some i, image in images]}})

test_tags_and_digests_are_allowed if {
	count(image_pinned.deny) == 0 with input as t.doc([_pod(["ghcr.io/example/web:1.4.2", "registry.example.com:5000/api@sha256:0123abcd", "nginx:1.27-alpine"])])
}

test_latest_tag_is_denied if {
	some v in image_pinned.deny with input as t.doc([_pod(["ghcr.io/example/web:latest"])])
	[v.policy, v.resource] == ["ECO-SUP-005", "Pod/shop/web"]
	contains(v.message, "spec.containers[c0] uses image \"ghcr.io/example/web:latest\"")
}

test_missing_tag_is_denied if {
	t.found(image_pinned.deny) == {["ECO-SUP-005", "Pod/shop/web"]} with input as t.doc([_pod(["registry.example.com:5000/web"])])
}

test_init_containers_are_checked if {
	deployment := t.k8s({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"template": {"spec": {"initContainers": [{"name": "migrate", "image": "migrate"}], "containers": [{"name": "web", "image": "web:1.0.0"}]}}}})
	t.found(image_pinned.deny) == {["ECO-SUP-005", "Deployment/shop/web"]} with input as t.doc([deployment])
}
