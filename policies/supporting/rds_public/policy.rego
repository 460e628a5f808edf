# METADATA
# title: RDS is not publicly accessible
# description: >-
#   Databases live in private subnets and must not get a public address: publicly_accessible must be set, and false (a missing value is not taken on trust), on RDS instances and Aurora cluster instances alike.
# custom:
#   id: ECO-SUP-001
#   severity: critical
#   controls:
#     - GDPR Art. 32(1)(b)
#     - GDPR Art. 25(2)
#     - AWS FSBP RDS.2
#   equivalents:
#     - Checkov CKV_AWS_17
#     - Trivy AVD-AWS-0082
#   remediation: >-
#     Set publicly_accessible = false on the instance (and keep it in the private DB subnet group).
package ecolaura.supporting.rds_public

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make_at(rego.metadata.chain(), r, ["publicly_accessible"], sprintf("publicly_accessible is %s", [resources.show(r.values, "publicly_accessible")])) if {
	some r in resources.terraform({"aws_db_instance", "aws_rds_cluster_instance"})
	not resources.falsy(object.get(r.values, "publicly_accessible", null))
}
