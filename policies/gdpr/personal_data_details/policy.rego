# METADATA
# title: Personal data declares its retention and lawful basis
# description: >-
#   Whatever is labelled or tagged gdpr.ecolaura.io/personal-data "true" must also state gdpr.ecolaura.io/retention-days and gdpr.ecolaura.io/lawful-basis: no personal data without a storage limit and a legal ground.
# custom:
#   id: ECO-GDPR-003
#   severity: high
#   controls:
#     - GDPR Art. 5(1)(e)
#     - GDPR Art. 6(1)
#     - GDPR Art. 30(1)(f)
#   equivalents: []
#   remediation: >-
#     Add gdpr.ecolaura.io/retention-days (days) and gdpr.ecolaura.io/lawful-basis next to personal-data "true" (the DATA_PROFILES of environments/gdpr.ts carry both).
package ecolaura.gdpr.personal_data_details

import data.ecolaura.lib.gdpr
import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), place.resource, sprintf("%s marks personal data but lacks %s", [place.where, key])) if {
	some place in _places
	place.labels[gdpr.personal_data] == "true"
	some key in gdpr.required_for_personal_data
	not key in object.keys(place.labels)
}

_places contains {"resource": r, "where": "labels/tags", "labels": resources.tags(r)} if some r in input.resources

_places contains place if some place in gdpr.template_labels
