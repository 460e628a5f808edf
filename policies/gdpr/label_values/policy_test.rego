package ecolaura.gdpr.label_values_test

import data.ecolaura.gdpr.label_values
import data.ecolaura.lib.testing_test as t

_bucket(tags) := t.tf("aws_s3_bucket", "assets", {"bucket": "shop-assets", "tags": tags})

test_valid_tags_are_allowed if {
	count(label_values.deny) == 0 with input as t.doc([_bucket({
		"gdpr.ecolaura.io/personal-data": "true", "gdpr.ecolaura.io/data-classification": "restricted",
		"gdpr.ecolaura.io/retention-days": "3650", "gdpr.ecolaura.io/lawful-basis": "contract",
	})])
}

test_unknown_classification_is_denied if {
	some v in label_values.deny with input as t.doc([_bucket({"gdpr.ecolaura.io/data-classification": "secret"})])
	[v.policy, v.resource] == ["ECO-GDPR-002", "aws_s3_bucket.assets"]
	contains(v.message, "tag gdpr.ecolaura.io/data-classification has the invalid value \"secret\"")
}

test_non_numeric_retention_is_denied if {
	t.found(label_values.deny) == {["ECO-GDPR-002", "aws_s3_bucket.assets"]} with input as t.doc([_bucket({"gdpr.ecolaura.io/retention-days": "ten years"})])
}

test_zero_retention_is_denied if {
	t.found(label_values.deny) == {["ECO-GDPR-002", "aws_s3_bucket.assets"]} with input as t.doc([_bucket({"gdpr.ecolaura.io/retention-days": "0"})])
}

test_pod_template_label_is_checked if {
	deployment := t.k8s({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "shop"}, "spec": {"template": {"metadata": {"labels": {"gdpr.ecolaura.io/personal-data": "yes"}}, "spec": {}}}})
	t.found(label_values.deny) == {["ECO-GDPR-002", "Deployment/shop/web"]} with input as t.doc([deployment])
}

test_other_labels_are_ignored if {
	count(label_values.deny) == 0 with input as t.doc([_bucket({"Name": "assets", "team": "anything"})])
}
