# METADATA
# title: ClusterSecretStores serve only the namespaces they name
# description: >-
#   A ClusterSecretStore without spec.conditions serves an ExternalSecret in any namespace, so whoever may create an ExternalSecret anywhere can read every secret the store's credentials reach. Each store must list conditions, and every condition must name its namespaces (a non-empty namespaces list, a namespaceSelector with labels or expressions, or namespaceRegexes that do not match any name at all).
# custom:
#   id: ECO-ENC-015
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(b)
#     - GDPR Art. 25(2)
#     - CIS Amazon EKS Benchmark 4.4.2
#   equivalents: []
#   remediation: >-
#     Set spec.conditions to the namespaces whose ExternalSecrets read the store (apps/secrets/secret-store-consumers.ts derives them), or use a namespaced SecretStore.
package ecolaura.encryption.cluster_secret_store_scope

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

# A name no namespace of the platform has: a regex that matches it matches anything.
_probe := "any-namespace-probe-7f3a"

_stores contains r if {
	some r in resources.kubernetes({"ClusterSecretStore"})
	startswith(object.get(r.values, "apiVersion", ""), "external-secrets.io/")
}

_conditions(r) := object.get(r.values, ["spec", "conditions"], [])

deny contains violation.make_at(rego.metadata.chain(), r, ["spec", "conditions"], "spec.conditions is missing or empty, so the store serves every namespace") if {
	some r in _stores
	not _has_conditions(r)
}

deny contains violation.make_at(rego.metadata.chain(), r, ["spec", "conditions", i], sprintf("spec.conditions[%d] names no namespace, so it admits every namespace", [i])) if {
	some r in _stores
	some i, condition in _conditions(r)
	not _names_namespaces(condition)
}

_has_conditions(r) if {
	is_array(_conditions(r))
	count(_conditions(r)) > 0
}

_names_namespaces(condition) if {
	names := object.get(condition, "namespaces", [])
	is_array(names)
	count(names) > 0
	every name in names {
		is_string(name)
		not contains(name, "*")
	}
}

_names_namespaces(condition) if {
	selector := object.get(condition, "namespaceSelector", {})
	_selects(selector)
}

_names_namespaces(condition) if {
	regexes := object.get(condition, "namespaceRegexes", [])
	is_array(regexes)
	count(regexes) > 0
	every pattern in regexes {
		is_string(pattern)
		not regex.match(pattern, _probe)
	}
}

_selects(selector) if count(object.get(selector, "matchLabels", {})) > 0

_selects(selector) if count(object.get(selector, "matchExpressions", [])) > 0
