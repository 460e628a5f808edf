package ecolaura.podsecurity.allow_privilege_escalation_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.podsecurity.allow_privilege_escalation

test_escalation_off_is_allowed if {
	count(allow_privilege_escalation.deny) == 0 with input as t.doc([t.deployment_with({})])
}

test_escalation_on_is_denied if {
	some v in allow_privilege_escalation.deny with input as t.doc([t.deployment_with({"allowPrivilegeEscalation": true})])
	[v.policy, v.resource] == ["ECO-PSS-005", "Deployment/shop/app"]
	contains(v.message, "allowPrivilegeEscalation is not false")
}

test_escalation_left_out_is_denied if {
	c := t.container_without(["allowPrivilegeEscalation"])
	t.found(allow_privilege_escalation.deny) == {["ECO-PSS-005", "Deployment/shop/app"]} with input as t.doc([t.deployment({"containers": [c]})])
}
