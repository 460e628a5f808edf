# METADATA
# title: Every namespace exists before the objects that land in it
# description: >-
#   Argo CD cannot create an object in a namespace that does not exist: every namespace an Application's objects (or a chart Application's destination) land in must be created by a Namespace object of an Application in an earlier sync wave, by the same sync before the object, by the sync itself (CreateNamespace=true), or exist from bootstrap (argocd, kube-system, default). The gate traces each namespace's origin in TypeScript (facts.argoSync.namespaces).
# custom:
#   id: ECO-SUP-042
#   severity: high
#   controls:
#     - CIS Controls v8 4.1
#   remediation: >-
#     Declare the namespace in apps/platform/namespaces.ts (the platform Application syncs first), or set CreateNamespace=true with its Pod Security labels in managedNamespaceMetadata; then npm run synth.
package ecolaura.supporting.argocd_namespace_order

import data.ecolaura.lib.violation

deny contains violation.make(rego.metadata.chain(), r, sprintf("namespace %s of %s is created by nothing this environment syncs", [n.namespace, n.object])) if {
	some r in input.resources
	some n in r.facts.argoSync.namespaces
	n.createdBy == null
}

deny contains violation.make(rego.metadata.chain(), r, sprintf("namespace %s of %s is created by the %s only in a later wave", [n.namespace, n.object, n.createdBy])) if {
	some r in input.resources
	some n in r.facts.argoSync.namespaces
	n.order == "later"
}
