# METADATA
# title: Deployments scale with a HorizontalPodAutoscaler
# description: >-
#   Every Deployment has a HorizontalPodAutoscaler in the same namespace and cluster folder targeting it, so replicas follow demand instead of idling at peak size.
# custom:
#   id: ECO-GRN-003
#   severity: low
#   controls:
#     - AWS Well-Architected Sustainability SUS02-BP01
#   equivalents: []
#   remediation: >-
#     Add a HorizontalPodAutoscaler (autoscaling/v2) whose scaleTargetRef names the Deployment.
package ecolaura.sustainability.hpa_present

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, "no HorizontalPodAutoscaler targets this Deployment") if {
	some r in resources.kubernetes({"Deployment"})
	not _scaled[[r.group, r.namespace, r.type, r.name]]
}

# Built once, keyed by (cluster folder, namespace, kind, name): each Deployment is one hash lookup
# by its own key, never a scan of the HPAs, so the rule stays linear in the number of objects.
_scaled contains [hpa.group, hpa.namespace, target.kind, target.name] if {
	some hpa in resources.kubernetes({"HorizontalPodAutoscaler"})
	target := object.get(hpa.values, ["spec", "scaleTargetRef"], {})
}
