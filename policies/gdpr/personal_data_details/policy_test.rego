package ecolaura.gdpr.personal_data_details_test

import data.ecolaura.gdpr.personal_data_details
import data.ecolaura.lib.testing_test as t

_db(tags) := t.tf("aws_db_instance", "db", {"engine": "postgres", "tags": tags})

test_personal_data_with_details_is_allowed if {
	count(personal_data_details.deny) == 0 with input as t.doc([_db({
		"gdpr.ecolaura.io/personal-data": "true", "gdpr.ecolaura.io/data-classification": "restricted",
		"gdpr.ecolaura.io/retention-days": "3650", "gdpr.ecolaura.io/lawful-basis": "contract",
	})])
}

test_personal_data_without_retention_is_denied if {
	some v in personal_data_details.deny with input as t.doc([_db({"gdpr.ecolaura.io/personal-data": "true", "gdpr.ecolaura.io/lawful-basis": "contract"})])
	[v.policy, v.resource] == ["ECO-GDPR-003", "aws_db_instance.db"]
	contains(v.message, "lacks gdpr.ecolaura.io/retention-days")
}

test_non_personal_data_needs_no_details if {
	count(personal_data_details.deny) == 0 with input as t.doc([_db({"gdpr.ecolaura.io/personal-data": "false"})])
}

test_pod_template_is_checked if {
	labels := {"gdpr.ecolaura.io/personal-data": "true"}
	job := t.k8s({"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "export", "namespace": "shop", "labels": object.union(labels, {"gdpr.ecolaura.io/retention-days": "30", "gdpr.ecolaura.io/lawful-basis": "contract"})}, "spec": {"template": {"metadata": {"labels": labels}, "spec": {}}}})
	t.found(personal_data_details.deny) == {["ECO-GDPR-003", "Job/shop/export"]} with input as t.doc([job])
}
