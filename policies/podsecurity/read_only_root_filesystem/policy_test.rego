package ecolaura.podsecurity.read_only_root_filesystem_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.podsecurity.read_only_root_filesystem

test_read_only_root_is_allowed if {
	count(read_only_root_filesystem.deny) == 0 with input as t.doc([t.deployment_with({})])
}

test_writable_root_is_denied if {
	some v in read_only_root_filesystem.deny with input as t.doc([t.deployment_with({"readOnlyRootFilesystem": false})])
	[v.policy, v.resource] == ["ECO-PSS-008", "Deployment/shop/app"]
	contains(v.message, "readOnlyRootFilesystem is not true")
}
