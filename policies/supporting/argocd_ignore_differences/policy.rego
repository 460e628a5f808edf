# METADATA
# title: ignoreDifferences name objects and paths that exist
# description: >-
#   An ignoreDifferences entry whose object or path does not exist ignores nothing: the field a controller owns (an autoscaler's replicas) shows as drift, and the Application flips OutOfSync, or back, on every sync. For folder Applications every entry must name an object in the folder and every JSON pointer or jq path must exist on it (jq paths of the form .a.b, .a[], .a[]?, .a[0]; others cannot be checked and are refused). Chart Applications are not judged: Argo CD renders their objects. The gate resolves the paths in TypeScript (facts.argoSync.ignoreDifferences).
# custom:
#   id: ECO-SUP-043
#   severity: medium
#   controls:
#     - CIS Controls v8 4.1
#   remediation: >-
#     Correct the group, kind, name, namespace or path in the Application's ignoreDifferences (apps/argocd/), or write the path as a JSON pointer; then npm run synth.
package ecolaura.supporting.argocd_ignore_differences

import data.ecolaura.lib.violation

_reasons := {
	"missing": "the path does not exist on every object it names",
	"no-object": "no object of the Application matches it",
	"unparsed": "the jq expression is beyond the paths this check reads",
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("%s (%s %s): %s", [i.entry, i.target, i.path, _reasons[i.status]])) if {
	some r in input.resources
	some i in r.facts.argoSync.ignoreDifferences
	_reasons[i.status]
}
