# METADATA
# title: prod's Applications sync only when a person says so
# description: >-
#   In prod, a merged change reaches the cluster only through a manual sync (spec.syncPolicy without automated), so a release is a decision with a person behind it and a bad merge cannot roll out on its own. dev and staging may sync automatically.
# custom:
#   id: ECO-SUP-044
#   severity: high
#   controls:
#     - ISO/IEC 27001:2022 A.8.32
#   remediation: >-
#     Leave syncPolicy.automated off for prod in apps/argocd/application.ts (syncPolicy(env, ...)), then npm run synth.
package ecolaura.supporting.argocd_prod_manual_sync

import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, "spec.syncPolicy.automated is set, so Argo CD syncs prod without a person") if {
	some r in input.resources
	r.environment == "prod"
	r.facts.argoSync
	object.get(r.values, ["spec", "syncPolicy", "automated"], null) != null
}
