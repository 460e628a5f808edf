# METADATA
# title: EKS sends every control-plane log type to CloudWatch
# description: >-
#   Every EKS cluster must enable all five control-plane log types (api, audit, authenticator, controllerManager, scheduler): without audit and authenticator logs nobody can say who did what to the cluster.
# custom:
#   id: ECO-SUP-009
#   severity: medium
#   controls:
#     - CIS Amazon EKS Benchmark 2.1.1
#     - AWS FSBP EKS.8
#     - GDPR Art. 30
#   equivalents:
#     - Checkov CKV_AWS_37
#     - Trivy AVD-AWS-0038
#   remediation: >-
#     Set enabled_cluster_log_types to ["api", "audit", "authenticator", "controllerManager", "scheduler"].
package ecolaura.supporting.eks_control_plane_logs

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

# https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html
_log_types := {"api", "audit", "authenticator", "controllerManager", "scheduler"}

deny contains violation.make(rego.metadata.chain(), r, sprintf("enabled_cluster_log_types lacks %s", [concat(", ", sort(missing))])) if {
	some r in resources.terraform({"aws_eks_cluster"})
	enabled := {t | some t in _as_array(object.get(r.values, "enabled_cluster_log_types", []))}
	missing := _log_types - enabled
	count(missing) > 0
}

_as_array(x) := x if is_array(x)

_as_array(x) := [] if not is_array(x)
