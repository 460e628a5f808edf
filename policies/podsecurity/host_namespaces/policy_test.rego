package ecolaura.podsecurity.host_namespaces_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.podsecurity.host_namespaces

test_pod_without_host_namespaces_is_allowed if {
	count(host_namespaces.deny) == 0 with input as t.doc([t.deployment({"containers": [t.restricted_container]})])
}

test_host_network_is_denied if {
	some v in host_namespaces.deny with input as t.doc([t.deployment({"hostNetwork": true, "containers": [t.restricted_container]})])
	[v.policy, v.resource] == ["ECO-PSS-002", "Deployment/shop/app"]
	contains(v.message, "spec.template.spec.hostNetwork is true")
}

test_host_pid_is_denied if {
	t.found(host_namespaces.deny) == {["ECO-PSS-002", "Deployment/shop/app"]} with input as t.doc([t.deployment({"hostPID": true, "containers": [t.restricted_container]})])
}

test_host_port_is_denied if {
	c := object.union(t.restricted_container, {"ports": [{"containerPort": 8080, "hostPort": 8080}]})
	some v in host_namespaces.deny with input as t.doc([t.deployment({"containers": [c]})])
	contains(v.message, "publishes hostPort 8080")
}
