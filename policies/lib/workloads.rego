# METADATA
# title: Kubernetes workload helpers
# description: >-
#   Finds the pod template of every workload kind and lists its containers with a readable path
#   (for messages), so each policy on containers or pod labels covers every kind the same way.
package ecolaura.lib.workloads

# METADATA
# description: >-
#   The built-in workload kinds. Any other object that carries a pod template by shape is a
#   workload too (ReplicationController, PodTemplate, Argo Rollouts, a custom controller's CRD):
#   a policy on pods must not depend on the kind being on a list.
kinds := {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob", "Pod", "PodTemplate"}

# METADATA
# description: Every workload object of the input, a known kind or any object shaped like one.
objects := {r |
	some r in input.resources
	r.source == "kubernetes"
	_carries_pods(r)
}

_carries_pods(r) if r.type in kinds

_carries_pods(r) if _template_path(r)

# METADATA
# description: >-
#   The pod template of a workload as {"path", "metadata", "spec"}; a Pod is its own template.
#   A known kind without one yields an empty template, so checks on it fail rather than vanish.
pod_template(r) := {"path": path, "metadata": object.get(t, "metadata", {}), "spec": object.get(t, "spec", {})} if {
	r.type != "Pod"
	path := _template_path(r)
	t := object.get(r.values, split(path, "."), {})
}

pod_template(r) := {"path": "", "metadata": object.get(r.values, "metadata", {}), "spec": object.get(r.values, "spec", {})} if {
	r.type == "Pod"
}

# Where the template sits: spec.template (Deployment, ReplicationController, Rollout…),
# spec.jobTemplate.spec.template (CronJob) or template (PodTemplate). Known kinds answer by kind
# even when the field is missing, so an empty template is judged, not skipped.
_template_path(r) := "spec.template" if r.type in {"Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job"}

_template_path(r) := "spec.jobTemplate.spec.template" if r.type == "CronJob"

_template_path(r) := "template" if r.type == "PodTemplate"

_template_path(r) := "spec.template" if {
	not r.type in kinds
	is_object(object.get(r.values, ["spec", "template", "spec"], null))
	_has_containers(r.values.spec.template.spec)
}

_template_path(r) := "spec.jobTemplate.spec.template" if {
	not r.type in kinds
	not is_object(object.get(r.values, ["spec", "template", "spec"], null))
	_has_containers(object.get(r.values, ["spec", "jobTemplate", "spec", "template", "spec"], {}))
}

_has_containers(spec) if is_array(spec.containers)

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
