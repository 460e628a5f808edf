package ecolaura.podsecurity.capabilities_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.podsecurity.capabilities

test_drop_all_with_net_bind_service_is_allowed if {
	count(capabilities.deny) == 0 with input as t.doc([t.deployment_with({"capabilities": {"drop": ["ALL"], "add": ["NET_BIND_SERVICE"]}})])
}

test_added_net_admin_is_denied if {
	some v in capabilities.deny with input as t.doc([t.deployment_with({"capabilities": {"drop": ["ALL"], "add": ["NET_ADMIN"]}})])
	[v.policy, v.resource] == ["ECO-PSS-006", "Deployment/shop/app"]
	contains(v.message, "adds capability NET_ADMIN")
}

test_not_dropping_all_is_denied if {
	some v in capabilities.deny with input as t.doc([t.deployment_with({"capabilities": {"drop": ["NET_RAW"]}})])
	contains(v.message, "capabilities.drop does not include ALL")
}
