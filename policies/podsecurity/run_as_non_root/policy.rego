# METADATA
# title: Containers run as non-root
# description: >-
#   Every container must run with runAsNonRoot: true (its own or the pod's, not overridden) and never as user 0. Pod Security Standard restricted controls Running as Non-root and Running as Non-root user. The control logic lives in policies/lib/pod_security.rego, shared with the simulation of what admission refuses at a namespace's own level. Every workload is checked, whatever carries its pod template; a namespace that needs an exemption gets an entry in policies/exceptions.yaml (owner, justification, expiry), never a name in this file.
# custom:
#   id: ECO-PSS-004
#   severity: high
#   controls:
#     - CIS Amazon EKS Benchmark 4.2.6
#     - GDPR Art. 32(1)(b)
#   equivalents:
#     - Trivy AVD-KSV-0012
#     - Kyverno require-run-as-nonroot
#     - Gatekeeper library k8spspallowedusers
#   remediation: >-
#     Set securityContext.runAsNonRoot: true on the pod (and a non-zero runAsUser), and use an image that runs as a non-root user.
package ecolaura.podsecurity.run_as_non_root

import data.ecolaura.lib.pod_security
import data.ecolaura.lib.violation
import data.ecolaura.lib.workloads

deny contains violation.make(rego.metadata.chain(), r, finding) if {
	some r in workloads.objects
	some finding in pod_security.findings(r, "run_as_non_root", "restricted")
}
