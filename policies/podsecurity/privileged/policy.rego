# METADATA
# title: Containers are not privileged
# description: >-
#   A privileged container has every capability and the host's devices: it is root on the node. Pod Security Standard baseline control Privileged Containers, held at restricted. The control logic lives in policies/lib/pod_security.rego, shared with the simulation of what admission refuses at a namespace's own level. Every workload is checked, whatever carries its pod template; a namespace that needs an exemption gets an entry in policies/exceptions.yaml (owner, justification, expiry), never a name in this file.
# custom:
#   id: ECO-PSS-001
#   severity: critical
#   controls:
#     - CIS Amazon EKS Benchmark 4.2.1
#     - GDPR Art. 32(1)(b)
#   equivalents:
#     - Trivy AVD-KSV-0017
#     - Kyverno disallow-privileged-containers
#     - Gatekeeper library k8spspprivilegedcontainer
#   remediation: >-
#     Remove securityContext.privileged (or set it to false); grant only the capability the process needs.
package ecolaura.podsecurity.privileged

import data.ecolaura.lib.pod_security
import data.ecolaura.lib.violation
import data.ecolaura.lib.workloads

deny contains violation.make(rego.metadata.chain(), r, finding) if {
	some r in workloads.objects
	some finding in pod_security.findings(r, "privileged", "restricted")
}
