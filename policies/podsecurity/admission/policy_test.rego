package ecolaura.podsecurity.admission_test

import data.ecolaura.lib.testing_test as t
import data.ecolaura.podsecurity.admission

_facts(level, template_spec) := {
	"namespace": "shop",
	"level": level,
	"version": "v1.35",
	"source": "namespace-label",
	"problem": null,
	"templates": [{"path": "spec.template", "metadata": {}, "spec": template_spec}],
	"chart": null,
}

_with(facts) := object.union(t.deployment_with({}), {"facts": {"admission": facts}})

_no_seccomp := {"containers": [t.container_without(["seccompProfile"])]}

test_restricted_namespace_refuses_a_pod_without_seccomp if {
	some v in admission.deny with input as t.doc([_with(_facts("restricted", _no_seccomp))])
	[v.policy, v.resource] == ["ECO-PSS-009", "Deployment/shop/app"]
	contains(v.message, "namespace shop enforces Pod Security restricted (v1.35)")
	contains(v.message, "seccomp: spec.containers[app] has seccompProfile.type unset")
}

test_baseline_namespace_admits_the_same_pod if {
	count(admission.deny) == 0 with input as t.doc([_with(_facts("baseline", _no_seccomp))])
}

test_baseline_namespace_refuses_host_path if {
	spec := {"containers": [t.container_without([])], "volumes": [{"name": "logs", "hostPath": {"path": "/var/log"}}]}
	some v in admission.deny with input as t.doc([_with(_facts("baseline", spec))])
	contains(v.message, "host_path: spec.volumes[logs] mounts hostPath /var/log")
}

test_privileged_namespace_admits_anything if {
	spec := {"hostNetwork": true, "containers": [t.container_without(["seccompProfile"])]}
	count(admission.deny) == 0 with input as t.doc([_with(_facts("privileged", spec))])
}

test_an_unjudgeable_label_is_a_violation if {
	facts := object.union(_facts("restricted", {}), {"problem": "namespace shop pins Pod Security v1.22"})
	some v in admission.deny with input as t.doc([_with(facts)])
	contains(v.message, "pins Pod Security v1.22")
}

test_a_resource_without_facts_is_not_judged if {
	count(admission.deny) == 0 with input as t.doc([t.deployment_with({})])
}
