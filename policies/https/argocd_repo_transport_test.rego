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
