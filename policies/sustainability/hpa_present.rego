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
	not [r.group, r.namespace, r.name] in _scaled
}

# Computed once as a set: a lookup per Deployment keeps the rule linear in the number of objects.
_scaled contains [hpa.group, hpa.namespace, target.name] if {
	some hpa in resources.kubernetes({"HorizontalPodAutoscaler"})
	target := object.get(hpa.values, ["spec", "scaleTargetRef"], {})
	target.kind == "Deployment"
}
