package ecolaura.podsecurity.privileged_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.podsecurity.privileged

test_compliant_container_is_allowed if {
	count(privileged.deny) == 0 with input as t.doc([t.deployment_with({})])
}

test_privileged_container_is_denied if {
	some v in privileged.deny with input as t.doc([t.deployment_with({"privileged": true})])
	[v.policy, v.resource] == ["ECO-PSS-001", "Deployment/shop/app"]
	contains(v.message, "spec.template.spec.containers[app].securityContext.privileged is true")
}

test_privileged_init_container_is_denied if {
	spec := {"initContainers": [{"name": "init", "image": "busybox:1.37", "securityContext": {"privileged": true}}], "containers": [t.restricted_container]}
	t.found(privileged.deny) == {["ECO-PSS-001", "Deployment/shop/app"]} with input as t.doc([t.deployment(spec)])
}

test_privileged_container_in_a_replication_controller_is_denied if {
	rc := t.k8s({"apiVersion": "v1", "kind": "ReplicationController", "metadata": {"name": "legacy", "namespace": "shop"}, "spec": {"template": {"spec": {"containers": [object.union(t.restricted_container, {"securityContext": {"privileged": true}})]}}}})
	t.found(privileged.deny) == {["ECO-PSS-001", "ReplicationController/shop/legacy"]} with input as t.doc([rc])
}
