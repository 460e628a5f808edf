# METADATA
# title: Namespaces, workloads and pod templates carry the GDPR labels
# description: >-
#   Every Namespace and workload (Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Pod) and its pod template must carry gdpr.ecolaura.io/personal-data and gdpr.ecolaura.io/data-classification, so the record of processing can be read off the cluster.
# custom:
#   id: ECO-GDPR-001
#   severity: medium
#   controls:
#     - GDPR Art. 30(1)
#     - GDPR Art. 5(2)
#     - GDPR Art. 25(1)
#   equivalents: []
#   remediation: >-
#     Give the object and its pod template the labels gdpr.ecolaura.io/personal-data and gdpr.ecolaura.io/data-classification (from environments/gdpr.ts DATA_PROFILES via gdprLabels()).
package ecolaura.gdpr.kubernetes_labels

import data.ecolaura.lib.gdpr
import data.ecolaura.lib.resources
import data.ecolaura.lib.violation
import data.ecolaura.lib.workloads

deny contains violation.make_at(rego.metadata.chain(), r, ["metadata", "labels"], sprintf("metadata.labels lacks %s", [key])) if {
	some r in (workloads.objects | resources.kubernetes({"Namespace"}))
	some key in gdpr.required
	not key in object.keys(resources.tags(r))
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("%s.metadata.labels lacks %s", [template.path, key])) if {
	some r in workloads.objects
	r.type != "Pod"
	template := workloads.pod_template(r)
	some key in gdpr.required
	not key in object.keys(object.get(template.metadata, "labels", {}))
}
