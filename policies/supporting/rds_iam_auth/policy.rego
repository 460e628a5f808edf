# METADATA
# title: RDS accepts IAM database authentication
# description: >-
#   Every RDS instance and cluster must set iam_database_authentication_enabled = true, so people and services can sign in with short-lived IAM tokens instead of long-lived passwords. A missing value counts as off.
# custom:
#   id: ECO-SUP-008
#   severity: medium
#   controls:
#     - GDPR Art. 32(1)(b)
#     - AWS FSBP RDS.10
#     - AWS FSBP RDS.12
#   equivalents:
#     - Checkov CKV_AWS_161
#     - Trivy AVD-AWS-0176
#   remediation: >-
#     Set iam_database_authentication_enabled = true on the instance or cluster.
package ecolaura.supporting.rds_iam_auth

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make_at(rego.metadata.chain(), r, ["iam_database_authentication_enabled"], sprintf("iam_database_authentication_enabled is %s", [resources.show(r.values, "iam_database_authentication_enabled")])) if {
	some r in resources.terraform({"aws_db_instance", "aws_rds_cluster"})
	not resources.aurora_member(r)
	not resources.truthy(object.get(r.values, "iam_database_authentication_enabled", null))
}
