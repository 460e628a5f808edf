# METADATA
# title: Containers have a read-only root filesystem
# description: >-
#   Every container must set securityContext.readOnlyRootFilesystem: true, so a compromised process cannot change its image's files; writable paths are explicit emptyDir volumes. Not a Pod Security Standard level: the gate's hardening level above restricted. The control logic lives in policies/lib/pod_security.rego, shared with the simulation of what admission refuses at a namespace's own level. Every workload is checked, whatever carries its pod template; a namespace that needs an exemption gets an entry in policies/exceptions.yaml (owner, justification, expiry), never a name in this file.
# custom:
#   id: ECO-PSS-008
#   severity: medium
#   controls:
#     - GDPR Art. 32(1)(b)
#   equivalents:
#     - Trivy AVD-KSV-0014
#     - Kyverno require-ro-rootfs
#     - Gatekeeper library k8spspreadonlyrootfilesystem
#   remediation: >-
#     Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir where the process must write.
package ecolaura.podsecurity.read_only_root_filesystem

import data.ecolaura.lib.pod_security
import data.ecolaura.lib.violation
import data.ecolaura.lib.workloads

deny contains violation.make(rego.metadata.chain(), r, finding) if {
	some r in workloads.objects
	some finding in pod_security.findings(r, "read_only_root_filesystem", "hardening")
}
