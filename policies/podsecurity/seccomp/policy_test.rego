package ecolaura.podsecurity.seccomp_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.podsecurity.seccomp

test_runtime_default_is_allowed if {
	count(seccomp.deny) == 0 with input as t.doc([t.deployment_with({})])
}

test_pod_level_profile_is_inherited if {
	c := t.container_without(["seccompProfile"])
	count(seccomp.deny) == 0 with input as t.doc([t.deployment({"securityContext": {"seccompProfile": {"type": "RuntimeDefault"}}, "containers": [c]})])
}

test_unconfined_is_denied if {
	some v in seccomp.deny with input as t.doc([t.deployment_with({"seccompProfile": {"type": "Unconfined"}})])
	[v.policy, v.resource] == ["ECO-PSS-007", "Deployment/shop/app"]
	contains(v.message, "has seccompProfile.type Unconfined")
}

test_unset_profile_is_denied if {
	c := t.container_without(["seccompProfile"])
	some v in seccomp.deny with input as t.doc([t.deployment({"containers": [c]})])
	contains(v.message, "has seccompProfile.type unset")
}
