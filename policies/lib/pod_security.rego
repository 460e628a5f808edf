# METADATA
# title: Pod Security Standards controls
# description: >-
#   The controls of the Kubernetes Pod Security Standards, written once and parametrised by
#   level, so the gate's one-policy-per-control checks (at "restricted") and a simulation of
#   what Pod Security admission refuses in a namespace at its own level ("baseline" or
#   "restricted", admission_refusals) share the same logic. readOnlyRootFilesystem is not part
#   of any standard level; it is the "hardening" level above restricted.
#   https://kubernetes.io/docs/concepts/security/pod-security-standards/
package ecolaura.lib.pod_security

import data.ecolaura.lib.workloads

# METADATA
# description: The levels, weakest first; a control applies at its level and every later one.
levels := ["privileged", "baseline", "restricted", "hardening"]

# METADATA
# description: >-
#   Each control and the levels whose rules it has. Capabilities and seccomp have a baseline
#   rule and a stricter restricted one; the others hold from one level on.
controls := {
	"privileged": "baseline",
	"host_namespaces": "baseline",
	"host_path": "baseline",
	"capabilities": "baseline",
	"seccomp": "baseline",
	"run_as_non_root": "restricted",
	"allow_privilege_escalation": "restricted",
	"host_process": "baseline",
	"apparmor": "baseline",
	"selinux": "baseline",
	"proc_mount": "baseline",
	"sysctls": "baseline",
	"volume_types": "restricted",
	"read_only_root_filesystem": "hardening",
}

# METADATA
# description: True when level includes the rules of a control introduced at from.
at_least(level, from) if {
	some i, name in levels
	name == level
	some j, other in levels
	other == from
	i >= j
}

# METADATA
# description: >-
#   What Pod Security admission at level ("baseline" or "restricted") would refuse in workload
#   r: the findings of every standard control at that level, each "<control>: <finding>".
admission_refusals(r, level) := {concat(": ", [control, f]) |
	level in {"baseline", "restricted"}
	some control, from in controls
	from != "hardening"
	at_least(level, from)
	some f in findings(r, control, level)
}

# METADATA
# description: >-
#   The findings of one control for workload r at level, as readable strings naming the
#   container path; empty when the control does not apply at that level.
findings(r, control, level) := _findings(r, control, _rule_level(control, level)) if at_least(level, controls[control])

findings(_, control, level) := set() if not at_least(level, controls[control])

# Controls with a stricter restricted rule use it from restricted on; the others have one rule.
_rule_level(control, level) := "restricted" if {
	control in {"capabilities", "seccomp"}
	at_least(level, "restricted")
}

_rule_level(control, level) := "baseline" if {
	control in {"capabilities", "seccomp"}
	not at_least(level, "restricted")
}

_rule_level(control, _) := "any" if not control in {"capabilities", "seccomp"}

_findings(r, "privileged", _) := {concat("", [e.path, ".securityContext.privileged is true"]) |
	some e in workloads.containers(r)
	object.get(e.container, ["securityContext", "privileged"], false) == true
}

_findings(r, "host_namespaces", _) := {concat("", [_spec_path(r), ".", field, " is true"]) |
	spec := workloads.pod_template(r).spec
	some field in ["hostNetwork", "hostPID", "hostIPC"]
	object.get(spec, field, false) == true
} | {concat("", [e.path, " publishes hostPort ", format_int(p.hostPort, 10)]) |
	some e in workloads.containers(r)
	some p in object.get(e.container, "ports", [])
	is_number(object.get(p, "hostPort", 0))
	p.hostPort != 0
}

_findings(r, "host_path", _) := {concat("", [_spec_path(r), ".volumes[", object.get(v, "name", "?"), "] mounts hostPath ", object.get(v.hostPath, "path", "?")]) |
	some v in object.get(workloads.pod_template(r).spec, "volumes", [])
	v.hostPath
}

# Baseline: only the default container runtime capabilities may be added.
_findings(r, "capabilities", "baseline") := {concat("", [e.path, " adds capability ", cap]) |
	some e in workloads.containers(r)
	some cap in object.get(e.container, ["securityContext", "capabilities", "add"], [])
	not cap in _baseline_capabilities
}

# Restricted: drop ALL, and add back at most NET_BIND_SERVICE.
_findings(r, "capabilities", "restricted") := {concat("", [e.path, " adds capability ", cap]) |
	some e in workloads.containers(r)
	some cap in object.get(e.container, ["securityContext", "capabilities", "add"], [])
	cap != "NET_BIND_SERVICE"
} | {concat("", [e.path, ".securityContext.capabilities.drop does not include ALL"]) |
	some e in workloads.containers(r)
	not "ALL" in object.get(e.container, ["securityContext", "capabilities", "drop"], [])
}

# Baseline: no container and not the pod may set the Unconfined profile.
_findings(r, "seccomp", "baseline") := {concat("", [where, ".securityContext.seccompProfile.type is Unconfined"]) |
	some where, profile in _seccomp_profiles(r)
	profile == "Unconfined"
}

# Restricted: every container's effective profile is RuntimeDefault or Localhost.
_findings(r, "seccomp", "restricted") := {concat("", [e.path, " has seccompProfile.type ", _effective_seccomp(r, e.container), ", not RuntimeDefault or Localhost"]) |
	some e in workloads.containers(r)
	not _effective_seccomp(r, e.container) in {"RuntimeDefault", "Localhost"}
}

_findings(r, "run_as_non_root", _) := {concat("", [e.path, " does not set runAsNonRoot: true (itself or on the pod)"]) |
	some e in workloads.containers(r)
	not _runs_as_non_root(r, e.container)
} | {concat("", [e.path, " runs as user 0"]) |
	some e in workloads.containers(r)
	_effective_user(r, e.container) == 0
}

_findings(r, "allow_privilege_escalation", _) := {concat("", [e.path, ".securityContext.allowPrivilegeEscalation is not false"]) |
	some e in workloads.containers(r)
	object.get(e.container, ["securityContext", "allowPrivilegeEscalation"], null) != false
}

_findings(r, "read_only_root_filesystem", _) := {concat("", [e.path, ".securityContext.readOnlyRootFilesystem is not true"]) |
	some e in workloads.containers(r)
	object.get(e.container, ["securityContext", "readOnlyRootFilesystem"], null) != true
}

# Baseline: no Windows HostProcess container, on the pod or any container.
_findings(r, "host_process", _) := {concat("", [where, ".securityContext.windowsOptions.hostProcess is true"]) |
	some where, context in _security_contexts(r)
	object.get(context, ["windowsOptions", "hostProcess"], false) == true
}

# Baseline: AppArmor may be the runtime default or a local profile, never Unconfined.
_findings(r, "apparmor", _) := {concat("", [where, ".securityContext.appArmorProfile.type is ", type]) |
	some where, context in _security_contexts(r)
	type := object.get(context, ["appArmorProfile", "type"], "RuntimeDefault")
	not type in {"RuntimeDefault", "Localhost"}
} | {concat("", [_meta_path(r), ".annotations[", key, "] is ", value]) |
	some key, value in object.get(workloads.pod_template(r).metadata, "annotations", {})
	startswith(key, "container.apparmor.security.beta.kubernetes.io/")
	value != "runtime/default"
	not startswith(value, "localhost/")
}

# Baseline: only the container SELinux types, and no custom user or role.
_findings(r, "selinux", _) := {concat("", [where, ".securityContext.seLinuxOptions.type is ", type]) |
	some where, context in _security_contexts(r)
	type := object.get(context, ["seLinuxOptions", "type"], "")
	not type in {"", "container_t", "container_init_t", "container_kvm_t", "container_engine_t"}
} | {concat("", [where, ".securityContext.seLinuxOptions.", field, " is set"]) |
	some where, context in _security_contexts(r)
	some field in ["user", "role"]
	object.get(context, ["seLinuxOptions", field], "") != ""
}

_findings(r, "proc_mount", _) := {concat("", [e.path, ".securityContext.procMount is ", mount]) |
	some e in workloads.containers(r)
	mount := object.get(e.container, ["securityContext", "procMount"], "Default")
	mount != "Default"
}

_findings(r, "sysctls", _) := {concat("", [_spec_path(r), ".securityContext.sysctls sets ", name, ", not a safe sysctl"]) |
	some sysctl in object.get(_pod_context(r), "sysctls", [])
	name := object.get(sysctl, "name", "?")
	not name in _safe_sysctls
}

# Restricted: only volume types that cannot reach the node.
_findings(r, "volume_types", _) := {concat("", [_spec_path(r), ".volumes[", object.get(v, "name", "?"), "] is of type ", type]) |
	some v in object.get(workloads.pod_template(r).spec, "volumes", [])
	some type, _ in object.remove(v, ["name"])
	not type in _restricted_volume_types
}

# https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline (Sysctls)
_safe_sysctls := {
	"kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
	"net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
	"net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
	"net.ipv4.tcp_keepalive_probes",
}

# https://kubernetes.io/docs/concepts/security/pod-security-standards/#restricted (Volume Types)
_restricted_volume_types := {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"}

# The pod's security context and every container's, keyed by where each sits.
_security_contexts(r) := object.union(
	{concat("", [e.path]): object.get(e.container, "securityContext", {}) | some e in workloads.containers(r)},
	{_spec_path(r): _pod_context(r)},
)

_meta_path(r) := concat("", [workloads.pod_template(r).path, ".metadata"]) if workloads.pod_template(r).path != ""

_meta_path(r) := "metadata" if workloads.pod_template(r).path == ""

# https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline (Capabilities)
_baseline_capabilities := {
	"AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
	"NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
}

_pod_context(r) := object.get(workloads.pod_template(r).spec, "securityContext", {})

_spec_path(r) := concat("", [workloads.pod_template(r).path, ".spec"]) if workloads.pod_template(r).path != ""

_spec_path(r) := "spec" if workloads.pod_template(r).path == ""

_seccomp_profiles(r) := object.union(
	{e.path: type |
		some e in workloads.containers(r)
		type := object.get(e.container, ["securityContext", "seccompProfile", "type"], null)
		type != null
	},
	{_spec_path(r): type |
		type := object.get(_pod_context(r), ["seccompProfile", "type"], null)
		type != null
	},
)

# The container's own profile wins over the pod's; none at all is "unset".
_effective_seccomp(_, container) := container.securityContext.seccompProfile.type

_effective_seccomp(r, container) := object.get(_pod_context(r), ["seccompProfile", "type"], "unset") if not container.securityContext.seccompProfile.type

_runs_as_non_root(_, container) if container.securityContext.runAsNonRoot == true

_runs_as_non_root(r, container) if {
	_pod_context(r).runAsNonRoot == true
	object.get(container, ["securityContext", "runAsNonRoot"], null) != false
}

_effective_user(_, container) := container.securityContext.runAsUser

_effective_user(r, container) := _pod_context(r).runAsUser if not is_number(object.get(container, ["securityContext", "runAsUser"], null))
