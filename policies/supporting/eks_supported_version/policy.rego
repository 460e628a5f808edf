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
#     Set eks.version in environments/versions.ts (VERSIONS.kubernetes) to a minor in EKS standard support per environments/support-calendar.ts (add the minor's dates there if missing), add its row of add-on versions, and npm run synth.
package ecolaura.supporting.eks_supported_version

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

# The calendar is not typed here: environments/support-calendar.ts holds the EKS dates (one
# fact, one place) and the gate computes `facts.lifecycle` from it on its --today, so a minor
# leaves standard support on AWS's date without an edit of this file. A minor the calendar does
# not list counts as a violation, never a silent pass. ECO-SUP-030 judges the other calendars.
_in_standard_support(r) if r.facts.lifecycle.status in {"supported", "ending"}

deny contains violation.make(rego.metadata.chain(), r, sprintf("version is %s, not a Kubernetes minor in EKS standard support (%s)", [resources.show(r.values, "version"), _why(r)])) if {
	some r in resources.terraform({"aws_eks_cluster"})
	not _pinned_in_standard_support(r)
}

_pinned_in_standard_support(r) if {
	is_string(r.values.version)
	_in_standard_support(r)
}

_why(r) := sprintf("its standard support ended on %s", [r.facts.lifecycle.end]) if {
	r.facts.lifecycle.status == "ended"
} else := "environments/support-calendar.ts has no date for it" if {
	is_string(r.values.version)
} else := "a version must be pinned as a string"
