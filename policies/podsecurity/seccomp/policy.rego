# METADATA
# title: Containers run under a seccomp profile
# description: >-
#   Every container's effective seccomp profile (its own, else the pod's) must be RuntimeDefault or Localhost; Unconfined or unset leaves every system call open. Pod Security Standard restricted control Seccomp. The control logic lives in policies/lib/pod_security.rego, shared with the simulation of what admission refuses at a namespace's own level. Every workload is checked, whatever carries its pod template; a namespace that needs an exemption gets an entry in policies/exceptions.yaml (owner, justification, expiry), never a name in this file.
# custom:
#   id: ECO-PSS-007
#   severity: medium
#   controls:
#     - CIS Amazon EKS Benchmark 4.6.2
#     - GDPR Art. 32(1)(b)
#   equivalents:
#     - Trivy AVD-KSV-0030
#     - Kyverno restrict-seccomp-strict
#     - Gatekeeper library k8spspseccomp
#   remediation: >-
#     Set securityContext.seccompProfile.type: RuntimeDefault on the pod.
package ecolaura.podsecurity.seccomp

import data.ecolaura.lib.pod_security
import data.ecolaura.lib.violation
import data.ecolaura.lib.workloads

deny contains violation.make(rego.metadata.chain(), r, finding) if {
	some r in workloads.objects
	some finding in pod_security.findings(r, "seccomp", "restricted")
}
