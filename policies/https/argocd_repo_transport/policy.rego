# METADATA
# title: Argo CD pulls from repositories over HTTPS or SSH
# description: >-
#   Every repoURL of an Argo CD Application, ApplicationSet template (source or sources) and generators (at any depth), or AppProject source list
#   must use https://, ssh:// or git@ (SSH), or oci:// for Helm charts in registries: plain
#   http:// and git:// let anyone on the path change what the cluster deploys.
# custom:
#   id: ECO-TLS-007
#   severity: high
#   controls:
#     - GDPR Art. 32(1)(a)
#     - GDPR Art. 32(1)(b)
#   equivalents: []
#   remediation: >-
#     Change repoURL to the https:// (or ssh://, git@…) address of the repository or Helm chart
#     registry.
package ecolaura.https.argocd_repo_transport

import data.ecolaura.lib.resources
import data.ecolaura.lib.violation

_secure_prefixes := ["https://", "ssh://", "git@", "oci://"]

deny contains violation.make(rego.metadata.chain(), r, sprintf("%s is %s, not HTTPS or SSH", [where, url])) if {
	some r in resources.kubernetes({"Application", "ApplicationSet", "AppProject"})
	some where, url in _repo_urls(r)
	not _secure(url)
}

_repo_urls(r) := object.union_n([
	{"spec.source.repoURL": url | url := r.values.spec.source.repoURL},
	{sprintf("spec.sources[%d].repoURL", [i]): url | some i, source in object.get(r.values, ["spec", "sources"], []); url := source.repoURL},
	{"spec.template.spec.source.repoURL": url | url := r.values.spec.template.spec.source.repoURL},
	{sprintf("spec.template.spec.sources[%d].repoURL", [i]): url | some i, source in object.get(r.values, ["spec", "template", "spec", "sources"], []); url := source.repoURL},
	_generator_urls(r),
	{sprintf("spec.sourceRepos[%d]", [i]): url | some i, url in object.get(r.values, ["spec", "sourceRepos"], []); url != "*"},
])

_secure(url) if {
	is_string(url)
	some prefix in _secure_prefixes
	startswith(lower(url), prefix)
}

# ApplicationSet generators (git, scm, plugin, nested matrix and merge generators) name
# repositories at any depth; every repoURL below spec.generators is judged like a source.
_generator_urls(r) := {_path_text(["spec", "generators"], path): url |
	r.type == "ApplicationSet"
	walk(object.get(r.values, ["spec", "generators"], []), [path, url])
	count(path) > 0
	path[count(path) - 1] == "repoURL"
}

_path_text(prefix, path) := trim_prefix(concat("", [_segment(s) | some s in array.concat(prefix, path)]), ".")

_segment(s) := concat("", [".", s]) if is_string(s)

_segment(s) := sprintf("[%d]", [s]) if is_number(s)
