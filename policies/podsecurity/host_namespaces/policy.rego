# METADATA
# title: Pods do not share the host's namespaces or ports
# description: >-
#   hostNetwork, hostPID and hostIPC give a pod the node's network stack, processes and IPC, and a hostPort binds the node's own port. Pod Security Standard baseline controls Host Namespaces and Host Ports, held at restricted. The control logic lives in policies/lib/pod_security.rego, shared with the simulation of what admission refuses at a namespace's own level. Every workload is checked, whatever carries its pod template; a namespace that needs an exemption gets an entry in policies/exceptions.yaml (owner, justification, expiry), never a name in this file.
# custom:
#   id: ECO-PSS-002
#   severity: high
#   controls:
#     - CIS Amazon EKS Benchmark 4.2.2
#     - CIS Amazon EKS Benchmark 4.2.3
#     - CIS Amazon EKS Benchmark 4.2.4
#     - GDPR Art. 32(1)(b)
#   equivalents:
#     - Trivy AVD-KSV-0009
#     - Kyverno disallow-host-namespaces
#     - Gatekeeper library k8spsphostnamespace
#   remediation: >-
#     Remove hostNetwork, hostPID, hostIPC and hostPort; reach the pod through a Service.
package ecolaura.podsecurity.host_namespaces

import data.ecolaura.lib.pod_security
import data.ecolaura.lib.violation
import data.ecolaura.lib.workloads

deny contains violation.make(rego.metadata.chain(), r, finding) if {
	some r in workloads.objects
	some finding in pod_security.findings(r, "host_namespaces", "restricted")
}
