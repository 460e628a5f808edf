# METADATA
# title: Pods do not mount host paths
# description: >-
#   A hostPath volume reads or writes the node's filesystem, outside every pod boundary. Pod Security Standard baseline control HostPath Volumes, held at restricted. The control logic lives in policies/lib/pod_security.rego, shared with the simulation of what admission refuses at a namespace's own level. Every workload is checked, whatever carries its pod template; a namespace that needs an exemption gets an entry in policies/exceptions.yaml (owner, justification, expiry), never a name in this file.
# custom:
#   id: ECO-PSS-003
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(b)
#   equivalents:
#     - Trivy AVD-KSV-0023
#     - Kyverno disallow-host-path
#     - Gatekeeper library k8spsphostfilesystem
#   remediation: >-
#     Use an emptyDir, a ConfigMap or Secret volume, or a PersistentVolumeClaim instead of hostPath.
package ecolaura.podsecurity.host_path

import data.ecolaura.lib.pod_security
import data.ecolaura.lib.violation
import data.ecolaura.lib.workloads

deny contains violation.make(rego.metadata.chain(), r, finding) if {
	some r in workloads.objects
	some finding in pod_security.findings(r, "host_path", "restricted")
}
