# METADATA
# title: RDS keeps automated backups for at least seven days
# description: >-
#   Every RDS instance and cluster must set backup_retention_period to 7 days or more. A missing value is not taken on trust (AWS's API default is one day, and 0 turns backups off). Aurora cluster members and read replicas are judged through their cluster or source.
# custom:
#   id: ECO-SUP-007
#   severity: medium
#   controls:
#     - GDPR Art. 32(1)(c)
#     - AWS FSBP RDS.11
#   equivalents:
#     - Checkov CKV_AWS_133
#     - Trivy AVD-AWS-0077
#   remediation: >-
#     Set backup_retention_period to 7 or more (the environment model's backup retention).
package ecolaura.supporting.rds_backup_retention

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_minimum_days := 7

deny contains violation.make(rego.metadata.chain(), r, sprintf("backup_retention_period is %s, below %d days", [resources.show(r.values, "backup_retention_period"), _minimum_days])) if {
	some r in resources.terraform({"aws_db_instance", "aws_rds_cluster"})
	not _member_or_replica(r)
	not _retains_long_enough(object.get(r.values, "backup_retention_period", null))
}

_retains_long_enough(days) if {
	is_number(days)
	days >= _minimum_days
}

_retains_long_enough(days) if {
	is_string(days)
	regex.match(`^[0-9]+$`, days)
	to_number(days) >= _minimum_days
}

_member_or_replica(r) if {
	r.type == "aws_db_instance"
	resources.present(object.get(r.values, "cluster_identifier", null))
}

_member_or_replica(r) if resources.present(object.get(r.values, "replicate_source_db", null))
