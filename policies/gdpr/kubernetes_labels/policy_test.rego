package ecolaura.gdpr.kubernetes_labels_test

import data.ecolaura.gdpr.kubernetes_labels
import data.ecolaura.lib.testing_test as t

_labels := {"gdpr.ecolaura.io/personal-data": "false", "gdpr.ecolaura.io/data-classification": "public"}

_deployment(labels, template_labels) := t.k8s({
	"apiVersion": "apps/v1", "kind": "Deployment",
	"metadata": {"name": "web", "namespace": "shop", "labels": labels},
	"spec": {"template": {"metadata": {"labels": template_labels}, "spec": {"containers": [{"name": "web", "image": "web:1.0.0"}]}}},
})

test_labelled_deployment_is_allowed if {
	count(kubernetes_labels.deny) == 0 with input as t.doc([_deployment(_labels, _labels)])
}

test_unlabelled_pod_template_is_denied if {
	some v in kubernetes_labels.deny with input as t.doc([_deployment(_labels, {})])
	[v.policy, v.resource] == ["ECO-GDPR-001", "Deployment/shop/web"]
	contains(v.message, "spec.template.metadata.labels lacks gdpr.ecolaura.io/personal-data")
}

test_unlabelled_namespace_is_denied if {
	namespace := t.k8s({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "shop", "labels": {"gdpr.ecolaura.io/personal-data": "false"}}})
	t.found(kubernetes_labels.deny) == {["ECO-GDPR-001", "Namespace/shop"]} with input as t.doc([namespace])
}

test_cron_job_template_is_checked if {
	job := t.k8s({"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "purge", "namespace": "shop", "labels": _labels}, "spec": {"jobTemplate": {"spec": {"template": {"metadata": {}, "spec": {}}}}}})
	t.found(kubernetes_labels.deny) == {["ECO-GDPR-001", "CronJob/shop/purge"]} with input as t.doc([job])
}
