# METADATA
# title: Production databases are protected from deletion
# description: >-
#   In prod (and wherever the environment is unknown), RDS instances and clusters must have deletion_protection on and must take a final snapshot (skip_final_snapshot false), so one mistaken apply cannot erase customer data.
# custom:
#   id: ECO-SUP-003
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(c)
#     - GDPR Art. 5(1)(f)
#     - AWS FSBP RDS.8
#   equivalents:
#     - Checkov CKV_AWS_293
#   remediation: >-
#     Set deletion_protection = true and skip_final_snapshot = false (with a final_snapshot_identifier) on the prod database.
package ecolaura.supporting.prod_deletion_protection

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make_at(rego.metadata.chain(), r, ["deletion_protection"], sprintf("deletion_protection is %s", [resources.show(r.values, "deletion_protection")])) if {
	some r in resources.terraform({"aws_db_instance", "aws_rds_cluster"})
	not resources.outside_prod(r)
	not resources.aurora_member(r)
	not resources.truthy(object.get(r.values, "deletion_protection", null))
}

deny contains violation.make(rego.metadata.chain(), r, "skip_final_snapshot is true, so deleting it keeps no copy") if {
	some r in resources.terraform({"aws_db_instance", "aws_rds_cluster"})
	not resources.outside_prod(r)
	not resources.aurora_member(r)
	resources.truthy(object.get(r.values, "skip_final_snapshot", false))
}
