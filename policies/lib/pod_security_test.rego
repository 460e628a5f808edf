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

test_baseline_refuses_unconfined_apparmor_custom_selinux_unmasked_proc_and_unsafe_sysctls if {
	pod := t.deployment({
		"securityContext": {"sysctls": [{"name": "kernel.msgmax", "value": "1"}, {"name": "net.ipv4.tcp_syncookies", "value": "1"}]},
		"containers": [{"name": "app", "image": "app:1", "securityContext": {
			"appArmorProfile": {"type": "Unconfined"},
			"seLinuxOptions": {"type": "spc_t", "role": "sysadm_r"},
			"procMount": "Unmasked",
			"windowsOptions": {"hostProcess": true},
		}}],
	})
	pod_security.admission_refusals(pod, "baseline") == {
		"apparmor: spec.template.spec.containers[app].securityContext.appArmorProfile.type is Unconfined",
		"selinux: spec.template.spec.containers[app].securityContext.seLinuxOptions.type is spc_t",
		"selinux: spec.template.spec.containers[app].securityContext.seLinuxOptions.role is set",
		"proc_mount: spec.template.spec.containers[app].securityContext.procMount is Unmasked",
		"sysctls: spec.template.spec.securityContext.sysctls sets kernel.msgmax, not a safe sysctl",
		"host_process: spec.template.spec.containers[app].securityContext.windowsOptions.hostProcess is true",
	}
}

test_baseline_refuses_an_unconfined_apparmor_annotation if {
	pod := t.k8s({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p", "namespace": "shop", "annotations": {"container.apparmor.security.beta.kubernetes.io/app": "unconfined"}}, "spec": {"containers": [{"name": "app", "image": "app:1"}]}})
	pod_security.admission_refusals(pod, "baseline") == {"apparmor: metadata.annotations[container.apparmor.security.beta.kubernetes.io/app] is unconfined"}
}

test_restricted_admits_only_volume_types_that_cannot_reach_the_node if {
	pod := t.deployment({"containers": [t.restricted_container], "volumes": [
		{"name": "tmp", "emptyDir": {}},
		{"name": "config", "configMap": {"name": "c"}},
		{"name": "disk", "awsElasticBlockStore": {"volumeID": "vol-1"}},
	]})
	pod_security.admission_refusals(pod, "restricted") == {"volume_types: spec.template.spec.volumes[disk] is of type awsElasticBlockStore"}
	count(pod_security.admission_refusals(pod, "baseline")) == 0
}
