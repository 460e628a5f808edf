# METADATA
# title: Every custom resource's CRD is installed in an earlier sync wave
# description: >-
#   A custom resource synced before its CRD exists fails with "the server could not find the requested resource" and the wave never completes. Each custom resource an Application syncs must have its CRD installed by another Application of a strictly earlier sync wave (a chart that installs it, per scripts/reality/chart-kinds.ts, or a CustomResourceDefinition in a folder), or by the Argo CD bootstrap. The gate finds each CRD's Application and wave in TypeScript (facts.argoSync.customResources).
# custom:
#   id: ECO-SUP-041
#   severity: high
#   controls:
#     - CIS Controls v8 4.1
#   remediation: >-
#     Move the operator's Application to an earlier wave than the Applications using its kinds (apps/argocd/sync-waves.ts), or add the Application that installs the CRD; then npm run synth.
package ecolaura.supporting.argocd_crd_order

import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, sprintf("no Application installs the CRD of %s (%s) for %s", [c.kind, c.group, c.object])) if {
	some r in input.resources
	some c in r.facts.argoSync.customResources
	c.installedBy == null
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("syncs %s in wave %d, but the CRD of %s (%s) comes with Application %s in wave %d, not earlier", [c.object, r.facts.argoSync.wave, c.kind, c.group, c.installedBy, c.installedWave])) if {
	some r in input.resources
	some c in r.facts.argoSync.customResources
	is_number(c.installedWave)
	c.installedWave >= r.facts.argoSync.wave
}
