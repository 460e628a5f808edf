# METADATA
# title: Data stays in EU regions
# description: >-
#   AWS resources that store data, and any resource tagged as holding personal data, must be deployed to a region inside the European Union. A resource whose region is unknown fails: residency must be provable.
# custom:
#   id: ECO-GDPR-005
#   severity: high
#   controls:
#     - GDPR Art. 44
#     - GDPR Art. 32(1)
#   equivalents: []
#   remediation: >-
#     Set the aws provider's region to one of the EU regions the model lists (EU_REGIONS in environments/model.ts; eu_regions in policies/lib/gdpr.rego, kept equal by a test).
package ecolaura.gdpr.eu_region

import data.ecolaura.lib.gdpr
import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, sprintf("region is %s, outside the EU", [json.marshal(object.get(r, "region", null))])) if {
	some r in resources.all_terraform
	_in_scope(r)
	not object.get(r, "region", null) in gdpr.eu_regions
}

_in_scope(r) if r.type in gdpr.data_storing_types

_in_scope(r) if gdpr.holds_personal_data(r)
