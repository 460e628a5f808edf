# METADATA
# title: Log retention is set and within the retention label
# description: >-
#   Every CloudWatch log group must expire its events (retention_in_days set and not 0, which means forever), and not later than its gdpr.ecolaura.io/retention-days tag allows.
# custom:
#   id: ECO-GDPR-006
#   severity: medium
#   controls:
#     - GDPR Art. 5(1)(e)
#     - GDPR Art. 25(2)
#   equivalents: []
#   remediation: >-
#     Set retention_in_days to a CloudWatch-supported value not above the group's gdpr.ecolaura.io/retention-days tag (e.g. 90).
package ecolaura.gdpr.log_retention

import data.ecolaura.lib.gdpr
import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make_at(rego.metadata.chain(), r, ["retention_in_days"], sprintf("retention_in_days is %s, so events are kept forever", [resources.show(r.values, "retention_in_days")])) if {
	some r in resources.terraform({"aws_cloudwatch_log_group"})
	not _expires(r)
}

deny contains violation.make_at(rego.metadata.chain(), r, ["retention_in_days"], sprintf("retention_in_days %d exceeds the retention label of %d days", [_days(r), limit])) if {
	some r in resources.terraform({"aws_cloudwatch_log_group"})
	limit := gdpr.retention_limit(r)
	_days(r) > limit
}

_days(r) := to_number(r.values.retention_in_days)

# A named rule, not `not _days(r) > 0`: Rego evaluates the call outside the negation, so an
# undefined _days(r) would make the whole rule undefined instead of counting as "kept forever".
_expires(r) if _days(r) > 0
