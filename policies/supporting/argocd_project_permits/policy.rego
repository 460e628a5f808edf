# METADATA
# title: Each Application's AppProject permits what it syncs
# description: >-
#   Argo CD refuses to sync an Application whose AppProject is missing, or does not list its source repository, its destination, or a kind it creates (cluster-scoped kinds need spec.clusterResourceWhitelist; namespaced kinds must pass the namespace lists). Folder apps are judged on the objects in their folder, chart apps on the kinds scripts/reality/chart-kinds.ts records for the pinned chart. The gate computes the verdicts in TypeScript with validate:manifests' Argo CD matching (facts.argoSync).
# custom:
#   id: ECO-SUP-040
#   severity: high
#   controls:
#     - CIS Controls v8 4.1
#   remediation: >-
#     Add the repository, destination or kind to the project in apps/argocd/argocd-chart.ts (or move the object to an Application whose project allows it), record a new chart in scripts/reality/chart-kinds.ts, then npm run synth.
package ecolaura.supporting.argocd_project_permits

import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, sprintf("its AppProject %v is not defined in this environment", [s.project])) if {
	some r in input.resources
	s := r.facts.argoSync
	not s.projectDefined
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("AppProject %s does not list source repository %s", [r.facts.argoSync.project, repo.url])) if {
	some r in input.resources
	r.facts.argoSync.projectDefined
	some repo in r.facts.argoSync.repos
	not repo.allowed
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("AppProject %s does not list destination namespace %s", [r.facts.argoSync.project, r.facts.argoSync.destination.namespace])) if {
	some r in input.resources
	r.facts.argoSync.projectDefined
	not r.facts.argoSync.destination.allowed
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("AppProject %s forbids kind %s (%s, %s) of %s, so it cannot sync", [r.facts.argoSync.project, k.kind, _group(k.group), _scope(k.namespaced), k.object])) if {
	some r in input.resources
	r.facts.argoSync.projectDefined
	some k in r.facts.argoSync.kinds
	not k.allowed
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("chart %s is not recorded in scripts/reality/chart-kinds.ts, so the kinds it creates cannot be checked against its project", [r.facts.argoSync.unrecordedChart])) if {
	some r in input.resources
	is_string(r.facts.argoSync.unrecordedChart)
}

_group("") := "core"

_group(g) := g if g != ""

_scope(true) := "namespaced"

_scope(false) := "cluster-scoped"
