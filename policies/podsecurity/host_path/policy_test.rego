package ecolaura.podsecurity.host_path_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.podsecurity.host_path

test_empty_dir_is_allowed if {
	count(host_path.deny) == 0 with input as t.doc([t.deployment({"volumes": [{"name": "tmp", "emptyDir": {}}], "containers": [t.restricted_container]})])
}

test_host_path_is_denied if {
	some v in host_path.deny with input as t.doc([t.deployment({"volumes": [{"name": "logs", "hostPath": {"path": "/var/log"}}], "containers": [t.restricted_container]})])
	[v.policy, v.resource] == ["ECO-PSS-003", "Deployment/shop/app"]
	contains(v.message, "volumes[logs] mounts hostPath /var/log")
}
