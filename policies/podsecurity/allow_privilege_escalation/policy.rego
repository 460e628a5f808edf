# METADATA
# title: Containers cannot escalate privileges
# description: >-
#   Every container must set securityContext.allowPrivilegeEscalation: false, so setuid binaries and file capabilities cannot raise its privileges. Pod Security Standard restricted control Privilege Escalation; a missing value counts as true. The control logic lives in policies/lib/pod_security.rego, shared with the simulation of what admission refuses at a namespace's own level. Every workload is checked, whatever carries its pod template; a namespace that needs an exemption gets an entry in policies/exceptions.yaml (owner, justification, expiry), never a name in this file.
# custom:
#   id: ECO-PSS-005
#   severity: high
#   controls:
#     - CIS Amazon EKS Benchmark 4.2.5
#     - GDPR Art. 32(1)(b)
#   equivalents:
#     - Trivy AVD-KSV-0001
#     - Kyverno disallow-privilege-escalation
#     - Gatekeeper library k8spspallowprivilegeescalationcontainer
#   remediation: >-
#     Set securityContext.allowPrivilegeEscalation: false on every container.
package ecolaura.podsecurity.allow_privilege_escalation

import data.ecolaura.lib.pod_security
import data.ecolaura.lib.violation
import data.ecolaura.lib.workloads

deny contains violation.make(rego.metadata.chain(), r, finding) if {
	some r in workloads.objects
	some finding in pod_security.findings(r, "allow_privilege_escalation", "restricted")
}
