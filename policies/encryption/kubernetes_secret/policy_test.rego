package ecolaura.encryption.kubernetes_secret_test

import data.ecolaura.encryption.kubernetes_secret
import data.ecolaura.lib.testing_test as t

_secret(extra) := t.k8s(object.union({"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db", "namespace": "shop"}, "type": "Opaque"}, extra))

test_secret_with_data_is_denied if {
	some v in kubernetes_secret.deny with input as t.doc([_secret({"data": {"password": "c2VjcmV0"}})])
	[v.policy, v.resource] == ["ECO-ENC-013", "Secret/shop/db"]
	contains(v.message, "literal data (password)")
}

test_secret_with_string_data_is_denied if {
	t.found(kubernetes_secret.deny) == {["ECO-ENC-013", "Secret/shop/db"]} with input as t.doc([_secret({"stringData": {"token": "abc"}})])
}

test_external_secret_is_allowed if {
	external := t.k8s({"apiVersion": "external-secrets.io/v1", "kind": "ExternalSecret", "metadata": {"name": "db", "namespace": "shop"}, "spec": {"data": [{"secretKey": "password"}]}})
	count(kubernetes_secret.deny) == 0 with input as t.doc([external, _secret({})])
}
