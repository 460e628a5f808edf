package ecolaura.https.elastic_tls_test

import data.ecolaura.https.elastic_tls
import data.ecolaura.lib.testing_test as t

_kibana(http) := t.k8s({"apiVersion": "kibana.k8s.elastic.co/v1", "kind": "Kibana", "metadata": {"name": "logs", "namespace": "logging"}, "spec": {"version": "8.15.0", "http": http}})

test_default_tls_is_allowed if {
	count(elastic_tls.deny) == 0 with input as t.doc([_kibana({})])
}

test_disabled_tls_is_denied if {
	t.found(elastic_tls.deny) == {["ECO-TLS-008", "Kibana/logging/logs"]} with input as t.doc([_kibana({"tls": {"selfSignedCertificate": {"disabled": true}}})])
}

test_own_certificate_is_allowed if {
	count(elastic_tls.deny) == 0 with input as t.doc([_kibana({"tls": {"selfSignedCertificate": {"disabled": true}, "certificate": {"secretName": "kibana-tls"}}})])
}

test_elasticsearch_is_covered if {
	es := t.k8s({"apiVersion": "elasticsearch.k8s.elastic.co/v1", "kind": "Elasticsearch", "metadata": {"name": "logs", "namespace": "logging"}, "spec": {"http": {"tls": {"selfSignedCertificate": {"disabled": "true"}}}}})
	t.found(elastic_tls.deny) == {["ECO-TLS-008", "Elasticsearch/logging/logs"]} with input as t.doc([es])
}
