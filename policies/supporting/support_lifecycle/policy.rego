# METADATA
# title: Pinned versions are inside their support window
# description: >-
#   Every PostgreSQL major of an aws_db_instance and every Helm chart an Argo CD Application installs is judged against its support calendar (environments/support-calendar.ts) on the gate's --today: past the end of RDS standard support or the vendor's end of life is a violation. The gate computes facts.lifecycle in TypeScript; within 90 days of the end it prints a warning instead. A release whose vendor publishes no date is reported by npm run lifecycle, not judged. EKS minors are judged by ECO-SUP-020 from the same calendar.
# custom:
#   id: ECO-SUP-030
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(d)
#     - AWS FSBP RDS.9
#     - CIS Controls v8 2.2
#   remediation: >-
#     Raise the version in environments/versions.ts to a release inside its support window per environments/support-calendar.ts (re-check its entry there), then npm run synth; npm run lifecycle lists every end date.
package ecolaura.supporting.support_lifecycle

import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, sprintf("%s %s is past its support window: it ended on %s (%s)", [r.facts.lifecycle.subject, r.facts.lifecycle.version, r.facts.lifecycle.end, r.facts.lifecycle.source])) if {
	some r in input.resources
	r.type != "aws_eks_cluster"
	r.facts.lifecycle.status == "ended"
}
