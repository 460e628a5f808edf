# METADATA
# title: Kubernetes workload helpers
# description: >-
#   Finds the pod template of every workload kind and lists its containers with a readable path
#   (for messages), so each policy on containers or pod labels covers every kind the same way.
package ecolaura.lib.workloads

import data.ecolaura.lib.resources

# METADATA
# description: The workload kinds whose pods the policies inspect.
kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob", "Pod"}

# METADATA
# description: Every workload object of the input.
objects := resources.kubernetes(kinds)

# METADATA
# description: >-
#   The pod template of a workload as {"path", "metadata", "spec"}; a Pod is its own template.
#   A workload without one yields an empty template, so checks on it fail rather than vanish.
pod_template(r) := {"path": "spec.template", "metadata": object.get(t, "metadata", {}), "spec": object.get(t, "spec", {})} if {
	r.type in {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"}
	t := object.get(r.values, ["spec", "template"], {})
}

pod_template(r) := {"path": "spec.jobTemplate.spec.template", "metadata": object.get(t, "metadata", {}), "spec": object.get(t, "spec", {})} if {
	r.type == "CronJob"
	t := object.get(r.values, ["spec", "jobTemplate", "spec", "template"], {})
}

pod_template(r) := {"path": "", "metadata": object.get(r.values, "metadata", {}), "spec": object.get(r.values, "spec", {})} if {
	r.type == "Pod"
}

# METADATA
# description: >-
#   Every container of a workload (init and ephemeral ones too) as {"path", "container"}, the
#   path reading like spec.template.spec.containers[backend].
containers(r) := {{"path": _container_path(template.path, field, c), "container": c} |
	template := pod_template(r)
	some field in ["initContainers", "containers", "ephemeralContainers"]
	some c in object.get(template.spec, field, [])
}

_container_path(base, field, c) := concat("", [base, ".spec.", field, "[", object.get(c, "name", "?"), "]"]) if base != ""

_container_path("", field, c) := concat("", ["spec.", field, "[", object.get(c, "name", "?"), "]"])
