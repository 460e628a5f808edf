# METADATA
# title: Containers declare resource requests and limits
# description: >-
#   Every container must request CPU and memory and set CPU and memory limits, so the scheduler packs nodes densely (fewer nodes, less energy) and one workload cannot starve the others.
# custom:
#   id: ECO-SUP-006
#   severity: medium
#   controls:
#     - GDPR Art. 32(1)(b)
#   equivalents:
#     - Kyverno require-requests-limits
#     - Checkov CKV_K8S_10
#     - Checkov CKV_K8S_11
#     - Checkov CKV_K8S_12
#     - Checkov CKV_K8S_13
#   remediation: >-
#     Set resources.requests.cpu, resources.requests.memory, resources.limits.cpu and resources.limits.memory on the container.
package ecolaura.supporting.container_resources

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation
import data.ecolaura.lib.workloads

_required := [["requests", "cpu"], ["requests", "memory"], ["limits", "cpu"], ["limits", "memory"]]

deny contains violation.make(rego.metadata.chain(), r, sprintf("%s has no resources.%s.%s", [entry.path, need[0], need[1]])) if {
	some r in workloads.objects
	some entry in workloads.containers(r)
	not startswith(entry.path, "spec.ephemeralContainers")
	not contains(entry.path, ".spec.ephemeralContainers[")
	some need in _required
	not _declared(object.get(entry.container, ["resources", need[0], need[1]], null))
}

_declared(x) if resources.present(x)

_declared(x) if is_number(x)
