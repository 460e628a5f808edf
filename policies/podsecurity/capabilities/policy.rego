# METADATA
# title: Containers drop all capabilities
# description: >-
#   Every container must drop ALL Linux capabilities and add back at most NET_BIND_SERVICE. Pod Security Standard restricted control Capabilities (baseline only limits what is added). The control logic lives in policies/lib/pod_security.rego, shared with the simulation of what admission refuses at a namespace's own level. Every workload is checked, whatever carries its pod template; a namespace that needs an exemption gets an entry in policies/exceptions.yaml (owner, justification, expiry), never a name in this file.
# custom:
#   id: ECO-PSS-006
#   severity: high
#   controls:
#     - CIS Amazon EKS Benchmark 4.2.8
#     - CIS Amazon EKS Benchmark 4.2.9
#     - GDPR Art. 32(1)(b)
#   equivalents:
#     - Trivy AVD-KSV-0003
#     - Kyverno disallow-capabilities-strict
#     - Gatekeeper library k8spspcapabilities
#   remediation: >-
#     Set securityContext.capabilities.drop: [ALL] on every container and add only NET_BIND_SERVICE where a port below 1024 is needed.
package ecolaura.podsecurity.capabilities

import data.ecolaura.lib.pod_security
import data.ecolaura.lib.violation
import data.ecolaura.lib.workloads

deny contains violation.make(rego.metadata.chain(), r, finding) if {
	some r in workloads.objects
	some finding in pod_security.findings(r, "capabilities", "restricted")
}
