package ecolaura.supporting.container_resources_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.supporting.container_resources

_deployment(resources) := t.k8s({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"template": {"spec": {"containers": [{"name": "web", "image": "web:1.0.0", "resources": resources}]}}}})

test_full_resources_are_allowed if {
	count(container_resources.deny) == 0 with input as t.doc([_deployment({"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"cpu": 1, "memory": "256Mi"}})])
}

test_missing_memory_limit_is_denied if {
	some v in container_resources.deny with input as t.doc([_deployment({"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"cpu": "1"}})])
	[v.policy, v.resource] == ["ECO-SUP-006", "Deployment/shop/web"]
	contains(v.message, "spec.template.spec.containers[web] has no resources.limits.memory")
}

test_no_resources_at_all_is_denied if {
	t.found(container_resources.deny) == {["ECO-SUP-006", "Deployment/shop/web"]} with input as t.doc([_deployment({})])
}
