# METADATA
# title: Production databases run Multi-AZ
# description: >-
#   In prod (and wherever the environment is unknown), RDS instances must be Multi-AZ so a zone failure neither loses nor blocks access to personal data.
# custom:
#   id: ECO-SUP-004
#   severity: medium
#   controls:
#     - GDPR Art. 32(1)(b)
#     - GDPR Art. 32(1)(c)
#     - AWS FSBP RDS.5
#   equivalents:
#     - Checkov CKV_AWS_157
#   remediation: >-
#     Set multi_az = true on the prod database instance.
package ecolaura.supporting.prod_multi_az

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make_at(rego.metadata.chain(), r, ["multi_az"], sprintf("multi_az is %s", [resources.show(r.values, "multi_az")])) if {
	some r in resources.terraform({"aws_db_instance"})
	not resources.outside_prod(r)
	not resources.present(object.get(r.values, "cluster_identifier", null))
	not resources.truthy(object.get(r.values, "multi_az", null))
}
