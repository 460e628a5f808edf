package ecolaura.podsecurity.run_as_non_root_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.podsecurity.run_as_non_root

test_container_running_as_non_root_is_allowed if {
	count(run_as_non_root.deny) == 0 with input as t.doc([t.deployment_with({})])
}

test_pod_level_non_root_is_inherited if {
	c := t.container_without(["runAsNonRoot"])
	count(run_as_non_root.deny) == 0 with input as t.doc([t.deployment({"securityContext": {"runAsNonRoot": true}, "containers": [c]})])
}

test_missing_run_as_non_root_is_denied if {
	c := t.container_without(["runAsNonRoot"])
	some v in run_as_non_root.deny with input as t.doc([t.deployment({"containers": [c]})])
	[v.policy, v.resource] == ["ECO-PSS-004", "Deployment/shop/app"]
	contains(v.message, "does not set runAsNonRoot: true")
}

test_container_overriding_the_pod_with_false_is_denied if {
	t.found(run_as_non_root.deny) == {["ECO-PSS-004", "Deployment/shop/app"]} with input as t.doc([t.deployment({"securityContext": {"runAsNonRoot": true}, "containers": [object.union(t.restricted_container, {"securityContext": {"runAsNonRoot": false}})]})])
}

test_user_zero_is_denied if {
	some v in run_as_non_root.deny with input as t.doc([t.deployment_with({"runAsUser": 0})])
	contains(v.message, "runs as user 0")
}
