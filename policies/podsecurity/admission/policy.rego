# METADATA
# title: Pods pass their namespace's Pod Security admission
# description: >-
#   Every pod template in Git (every workload kind, and the podTemplates of operators' custom resources such as ECK's) is judged at the level and version its namespace enforces (pod-security.kubernetes.io/enforce and enforce-version; no label: the cluster default, privileged on EKS), as the API server will: a refused template never becomes a running pod and its sync never goes healthy. The gate resolves namespace and level in TypeScript (facts.admission); the controls are those of policies/lib/pod_security.rego. Not evaluated: chart pod specs are rendered by Argo CD (their per-chart review lives in each HelmRelease.podSecurity and its test), and the containers an operator adds itself.
# custom:
#   id: ECO-PSS-009
#   severity: high
#   controls:
#     - CIS Amazon EKS Benchmark 4.6.2
#     - GDPR Art. 32(1)(b)
#   equivalents:
#     - Kubernetes Pod Security Admission
#   remediation: >-
#     Give the pod template what the namespace's level asks for (restricted: runAsNonRoot, seccompProfile RuntimeDefault, capabilities drop ALL, allowPrivilegeEscalation false), or move the workload to a namespace whose level it needs and say why in apps/platform/namespaces.ts; a namespace label must be a valid level and v1.25 or later.
package ecolaura.podsecurity.admission

import data.ecolaura.lib.pod_security
import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, r.facts.admission.problem) if {
	some r in input.resources
	is_string(r.facts.admission.problem)
}

deny contains violation.make(rego.metadata.chain(), r, detail) if {
	some r in input.resources
	a := r.facts.admission
	a.problem == null
	some t in a.templates
	refusals := pod_security.admission_refusals(_as_pod(t), a.level)
	count(refusals) > 0
	detail := sprintf("namespace %s enforces Pod Security %s (%s), which refuses the pods of %s: %s", [a.namespace, a.level, a.version, _where(t), concat("; ", sort(refusals))])
}

# A template judged as the pod it becomes: pod_security reads a Pod's own metadata and spec.
_as_pod(t) := {"type": "Pod", "values": {"metadata": t.metadata, "spec": t.spec}}

_where(t) := t.path if t.path != ""

_where(t) := "the pod" if t.path == ""
