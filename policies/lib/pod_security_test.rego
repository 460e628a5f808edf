package ecolaura.lib.pod_security_test

import data.ecolaura.lib.pod_security
import data.ecolaura.lib.testing_test as t

# Baseline admits a container that adds NET_ADMIN? No: NET_ADMIN is not a default capability.
# It admits one that keeps the default set (no drop) and runs as root; restricted refuses that.
_root_default_caps := t.deployment({"containers": [{"name": "app", "image": "app:1", "securityContext": {"capabilities": {"add": ["CHOWN"]}}}]})

test_baseline_admits_what_only_restricted_refuses if {
	count(pod_security.admission_refusals(_root_default_caps, "baseline")) == 0
	refusals := pod_security.admission_refusals(_root_default_caps, "restricted")
	"allow_privilege_escalation: spec.template.spec.containers[app].securityContext.allowPrivilegeEscalation is not false" in refusals
	"capabilities: spec.template.spec.containers[app] adds capability CHOWN" in refusals
	"run_as_non_root: spec.template.spec.containers[app] does not set runAsNonRoot: true (itself or on the pod)" in refusals
}

test_baseline_refuses_host_namespaces_and_extra_capabilities if {
	pod := t.deployment({"hostPID": true, "containers": [{"name": "app", "image": "app:1", "securityContext": {"capabilities": {"add": ["SYS_ADMIN"]}}}]})
	pod_security.admission_refusals(pod, "baseline") == {
		"host_namespaces: spec.template.spec.hostPID is true",
		"capabilities: spec.template.spec.containers[app] adds capability SYS_ADMIN",
	}
}

test_read_only_root_filesystem_is_hardening_not_admission if {
	pod := t.deployment_with({"readOnlyRootFilesystem": false})
	count(pod_security.admission_refusals(pod, "restricted")) == 0
	count(pod_security.findings(pod, "read_only_root_filesystem", "hardening")) == 1
}

test_a_control_does_not_apply_below_its_level if {
	pod := t.deployment_with({"allowPrivilegeEscalation": true})
	pod_security.findings(pod, "allow_privilege_escalation", "baseline") == set()
}
