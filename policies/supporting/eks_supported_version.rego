# METADATA
# title: EKS clusters run a Kubernetes version in standard support
# description: >-
#   Every aws_eks_cluster pins its version, and the version is one EKS keeps in standard support today. A version in extended support costs six times as much per hour and is cut off on a date AWS sets; one past extended support cannot be created at all (1.28's ended on 2025-11-26). An unpinned version counts as a violation: EKS would pick whatever is newest on the day of the apply.
# custom:
#   id: ECO-SUP-020
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(d)
#     - AWS FSBP EKS.2
#   equivalents:
#     - Checkov CKV_AWS_339
#   remediation: >-
#     Set eks.version in environments/versions.ts (VERSIONS.kubernetes) to a minor in EKS standard support, add its row of add-on versions, and npm run synth.
package ecolaura.supporting.eks_supported_version

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

# The minors in EKS standard support in December 2026: 1.34's standard support ended on
# 2026-12-02. Reviewed when AWS's calendar moves (then this set and VERSIONS.kubernetes move
# together): https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
# 1.36 is listed from the EKS release cadence (a minor about every four months, 14 months of
# standard support each); confirm it on that page before relying on it.
_standard_support := {"1.35", "1.36"}

deny contains violation.make(rego.metadata.chain(), r, sprintf("version is %s, not a Kubernetes minor in EKS standard support (%s)", [resources.show(r.values, "version"), concat(", ", sort(_standard_support))])) if {
	some r in resources.terraform({"aws_eks_cluster"})
	not object.get(r.values, "version", null) in _standard_support
}
