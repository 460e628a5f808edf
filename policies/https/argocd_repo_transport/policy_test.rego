package ecolaura.https.argocd_repo_transport_test

import data.ecolaura.https.argocd_repo_transport
import data.ecolaura.lib.testing_test as t

_app(spec) := t.k8s({"apiVersion": "argoproj.io/v1alpha1", "kind": "Application", "metadata": {"name": "shop", "namespace": "argocd"}, "spec": spec})

test_https_and_ssh_sources_are_allowed if {
	count(argocd_repo_transport.deny) == 0 with input as t.doc([_app({"sources": [
		{"repoURL": "https://github.com/example/platform.git", "path": "clusters/prod"},
		{"repoURL": "git@github.com:example/values.git", "ref": "values"},
	]})])
}

test_plain_http_source_is_denied if {
	some v in argocd_repo_transport.deny with input as t.doc([_app({"source": {"repoURL": "http://charts.example.com", "chart": "shop"}})])
	[v.policy, v.resource] == ["ECO-TLS-007", "Application/argocd/shop"]
	contains(v.message, "spec.source.repoURL is http://charts.example.com")
}

test_git_protocol_in_multi_source_is_denied if {
	t.found(argocd_repo_transport.deny) == {["ECO-TLS-007", "Application/argocd/shop"]} with input as t.doc([_app({"sources": [{"repoURL": "git://example.com/platform.git"}]})])
}

test_project_source_repos_are_checked if {
	project := t.k8s({"apiVersion": "argoproj.io/v1alpha1", "kind": "AppProject", "metadata": {"name": "shop", "namespace": "argocd"}, "spec": {"sourceRepos": ["https://github.com/example/platform.git", "http://insecure.example.com/repo"]}})
	t.found(argocd_repo_transport.deny) == {["ECO-TLS-007", "AppProject/argocd/shop"]} with input as t.doc([project])
}

_appset(spec) := t.k8s({"apiVersion": "argoproj.io/v1alpha1", "kind": "ApplicationSet", "metadata": {"name": "shop", "namespace": "argocd"}, "spec": spec})

test_application_set_template_sources_are_checked if {
	appset := _appset({"generators": [], "template": {"spec": {"sources": [{"repoURL": "https://github.com/example/a.git"}, {"repoURL": "http://charts.example.com"}]}}})
	some v in argocd_repo_transport.deny with input as t.doc([appset])
	[v.policy, v.resource] == ["ECO-TLS-007", "ApplicationSet/argocd/shop"]
	contains(v.message, "spec.template.spec.sources[1].repoURL is http://charts.example.com")
}

test_application_set_nested_generator_repo_is_checked if {
	generators := [{"matrix": {"generators": [{"git": {"repoURL": "git://git.example.com/platform.git", "revision": "main"}}, {"list": {"elements": []}}]}}]
	appset := _appset({"generators": generators, "template": {"spec": {"source": {"repoURL": "https://github.com/example/a.git"}}}})
	some v in argocd_repo_transport.deny with input as t.doc([appset])
	[v.policy, v.resource] == ["ECO-TLS-007", "ApplicationSet/argocd/shop"]
	contains(v.message, "spec.generators[0].matrix.generators[0].git.repoURL is git://git.example.com/platform.git")
}

test_application_set_with_https_everywhere_is_allowed if {
	appset := _appset({"generators": [{"git": {"repoURL": "https://github.com/example/platform.git"}}], "template": {"spec": {"source": {"repoURL": "https://github.com/example/a.git"}}}})
	count(argocd_repo_transport.deny) == 0 with input as t.doc([appset])
}
