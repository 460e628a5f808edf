# METADATA
# title: Data-storing AWS resources carry the GDPR tags
# description: >-
#   Every AWS resource that stores data (RDS, S3, EBS volumes, backup vaults, log groups, secrets and their kin) must be tagged with gdpr.ecolaura.io/personal-data and gdpr.ecolaura.io/data-classification (provider default_tags count).
# custom:
#   id: ECO-GDPR-004
#   severity: medium
#   controls:
#     - GDPR Art. 30(1)
#     - GDPR Art. 5(2)
#     - GDPR Art. 25(1)
#   equivalents: []
#   remediation: >-
#     Tag the resource with gdpr.ecolaura.io/personal-data and gdpr.ecolaura.io/data-classification (gdprLabels() of environments/gdpr.ts).
package ecolaura.gdpr.aws_data_tags

import data.ecolaura.lib.gdpr
import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make_at(rego.metadata.chain(), r, ["tags"], sprintf("tags lack %s", [key])) if {
	some r in gdpr.data_stores
	some key in gdpr.required
	not key in object.keys(resources.tags(r))
}
