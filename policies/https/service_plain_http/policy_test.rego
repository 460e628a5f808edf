package ecolaura.https.service_plain_http_test

import data.ecolaura.https.service_plain_http
import data.ecolaura.lib.testing_test as t

_service(annotations, type, ports) := t.k8s({
	"apiVersion": "v1", "kind": "Service",
	"metadata": {"name": "web", "namespace": "shop", "annotations": annotations},
	"spec": {"type": type, "ports": ports},
})

test_port_443_forwarding_plain_http_is_denied if {
	# Port 443 by itself proves nothing: without termination or a TLS backend it is plain HTTP.
	some v in service_plain_http.deny with input as t.doc([_service({}, "LoadBalancer", [{"name": "https", "port": 443, "targetPort": 8080}])])
	v.policy == "ECO-TLS-003"
	contains(v.message, "port 443 (https) is exposed to the internet without TLS")
}

test_port_passing_tls_through_to_a_tls_backend_is_allowed if {
	count(service_plain_http.deny) == 0 with input as t.doc([_service({}, "LoadBalancer", [{"name": "https", "port": 443, "targetPort": 8443, "appProtocol": "https"}])])
}

test_port_443_terminated_at_the_load_balancer_is_allowed if {
	count(service_plain_http.deny) == 0 with input as t.doc([_service(
		{
			"service.beta.kubernetes.io/aws-load-balancer-ssl-cert": "arn:aws:acm:eu-west-1:111122223333:certificate/x",
			"service.beta.kubernetes.io/aws-load-balancer-ssl-ports": "443",
		},
		"LoadBalancer",
		[{"name": "https", "port": 443, "targetPort": 8080}],
	)])
}

test_plain_http_load_balancer_is_denied if {
	t.found(service_plain_http.deny) == {["ECO-TLS-003", "Service/shop/web"]} with input as t.doc([_service({}, "LoadBalancer", [{"name": "http", "port": 80}, {"name": "https", "port": 443}])])
}

test_message_names_the_port if {
	some v in service_plain_http.deny with input as t.doc([_service({}, "LoadBalancer", [{"name": "http", "port": 80}])])
	contains(v.message, "port 80 (http) is exposed to the internet without TLS")
}

test_terminated_tls_port_is_allowed if {
	count(service_plain_http.deny) == 0 with input as t.doc([_service(
		{
			"service.beta.kubernetes.io/aws-load-balancer-ssl-cert": "arn:aws:acm:eu-west-1:111122223333:certificate/x",
			"service.beta.kubernetes.io/aws-load-balancer-ssl-ports": "8443",
		},
		"LoadBalancer",
		[{"name": "api", "port": 8443}],
	)])
}

test_internal_load_balancer_is_allowed if {
	count(service_plain_http.deny) == 0 with input as t.doc([_service({"service.beta.kubernetes.io/aws-load-balancer-scheme": "internal"}, "LoadBalancer", [{"port": 80}])])
}

test_cluster_ip_service_is_allowed if {
	count(service_plain_http.deny) == 0 with input as t.doc([_service({}, "ClusterIP", [{"port": 80}])])
}
