# METADATA
# title: GDPR labels and tags hold valid values
# description: >-
#   Wherever a gdpr.ecolaura.io/* label or tag appears (Kubernetes objects, pod templates, AWS tags), its value must come from the vocabulary of DESIGN.md; retention-days must be a positive integer.
# custom:
#   id: ECO-GDPR-002
#   severity: medium
#   controls:
#     - GDPR Art. 30(1)
#     - GDPR Art. 5(2)
#   equivalents: []
#   remediation: >-
#     Use personal-data "true"/"false", data-classification public/internal/confidential/restricted, lawful-basis one of GDPR Art. 6(1)'s six bases, retention-days a whole number of days above 0.
package ecolaura.gdpr.label_values

import data.ecolaura.lib.gdpr
import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), place.resource, detail) if {
	some place in _places
	some key, value in place.labels
	not _valid(key, value)
	detail := sprintf("%s %s has the invalid value %s", [place.where, key, json.marshal(value)])
}

_places contains {"resource": r, "where": _tag_word(r), "labels": resources.tags(r)} if some r in input.resources

_places contains place if some place in gdpr.template_labels

_tag_word(r) := "label" if r.source == "kubernetes"

_tag_word(r) := "tag" if r.source != "kubernetes"

_valid(key, _) if not startswith(key, "gdpr.ecolaura.io/")

_valid(key, value) if value in gdpr.allowed[key]

_valid(key, value) if {
	key == gdpr.retention_days
	is_string(value)
	regex.match(`^[1-9][0-9]*$`, value)
}
